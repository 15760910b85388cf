# assets.cmake — assemble the bundled assets folder in the build tree: copied content and schema, plus UI fonts
# subset from Debian's fonts-noto-core and fonts-noto-cjk with fonttools' pyftsubset (a whole Latin TTF is ~500 KB;
# the subset ~20 KB).
find_program(PYFTSUBSET pyftsubset PATHS /usr/bin NO_CMAKE_FIND_ROOT_PATH REQUIRED)
set(EXPLAINER_FONT_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "Folder with NotoSans-Regular.ttf and -Bold.ttf")

# Latin-1, Latin Extended-A, general punctuation, arrows and a few symbols the UI draws.
set(_unicodes "U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+2190-2199,U+2022,U+2026,U+20AC,U+2122,U+2212,U+2715,U+2713,U+25B6,U+25C0,U+25B2,U+25BC,U+2303,U+2318,U+21B5,U+232B,U+FFFD")
set(_font_outputs)
foreach(face Regular Bold)
  set(_in "${EXPLAINER_FONT_DIR}/NotoSans-${face}.ttf")
  set(_out "${EXPLAINER_ASSETS_OUT}/fonts/NotoSans-${face}.subset.ttf")
  add_custom_command(OUTPUT "${_out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${EXPLAINER_ASSETS_OUT}/fonts"
    COMMAND ${PYFTSUBSET} "${_in}" --unicodes=${_unicodes} --output-file=${_out}
            --layout-features=kern,liga --no-hinting --desubroutinize --drop-tables+=DSIG,GSUB
    DEPENDS "${_in}" COMMENT "Subsetting NotoSans-${face}" VERBATIM)
  list(APPEND _font_outputs "${_out}")
endforeach()

# --- CJK: Noto Sans CJK SC (face 2 of Debian's fonts-noto-cjk collections), subset to exactly the characters beyond
# ASCII that the content and the UI strings use. The whole face is 19.5 MB; ~600 characters come to ~110 KB raw
# and ~96 KB gzip once layout, hinting and vertical tables are dropped. Bold costs as much again; it keeps card
# and panel titles bold in Chinese (without it, load_fonts merges the regular CJK face into the bold font).
set(EXPLAINER_CJK_FONT_DIR "/usr/share/fonts/opentype/noto" CACHE PATH "Folder with NotoSansCJK-Regular.ttc")
option(EXPLAINER_CJK_BOLD "Also subset the bold CJK face (~110 KB more)" ON)
find_program(EXPLAINER_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)  # Debian's, for fontTools
if(NOT EXPLAINER_PYTHON)
  find_program(EXPLAINER_PYTHON python3 NO_CMAKE_FIND_ROOT_PATH REQUIRED)
endif()
file(GLOB _content_json CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/content/*.json")
set(_ui_string_sources "${CMAKE_SOURCE_DIR}/src/core/strings.cpp")
set(_cjk_unicodes "${CMAKE_BINARY_DIR}/cjk-unicodes.txt")
add_custom_command(OUTPUT "${_cjk_unicodes}"
  COMMAND ${EXPLAINER_PYTHON} "${CMAKE_SOURCE_DIR}/cmake/collect_unicodes.py" "${_cjk_unicodes}"
          --json ${_content_json} --cpp ${_ui_string_sources}
  DEPENDS ${_content_json} ${_ui_string_sources} "${CMAKE_SOURCE_DIR}/cmake/collect_unicodes.py"
          "${CMAKE_SOURCE_DIR}/cmake/explainer_text.py"
  COMMENT "Collecting the characters of the content and UI strings" VERBATIM)
set(_cjk_faces Regular)
if(EXPLAINER_CJK_BOLD)
  list(APPEND _cjk_faces Bold)
endif()
foreach(face ${_cjk_faces})
  set(_in "${EXPLAINER_CJK_FONT_DIR}/NotoSansCJK-${face}.ttc")
  set(_suffix "")
  if(face STREQUAL "Bold")
    set(_suffix "-Bold")
  endif()
  set(_out "${EXPLAINER_ASSETS_OUT}/fonts/NotoSansCJK-SC${_suffix}.subset.otf")
  if(NOT EXISTS "${_in}")
    message(WARNING "${_in} not found (Debian package fonts-noto-cjk): Chinese text will show as boxes")
    continue()
  endif()
  add_custom_command(OUTPUT "${_out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${EXPLAINER_ASSETS_OUT}/fonts"
    COMMAND ${PYFTSUBSET} "${_in}" --font-number=2 --unicodes-file=${_cjk_unicodes} --output-file=${_out}
            --layout-features= --no-hinting --desubroutinize
            --drop-tables+=vhea,vmtx,VORG,GSUB,GPOS,GDEF,BASE,DSIG
    DEPENDS "${_in}" "${_cjk_unicodes}" COMMENT "Subsetting NotoSansCJK-${face} (Simplified Chinese)" VERBATIM)
  list(APPEND _font_outputs "${_out}")
endforeach()

file(GLOB_RECURSE _asset_files CONFIGURE_DEPENDS RELATIVE "${CMAKE_SOURCE_DIR}/assets"
     "${CMAKE_SOURCE_DIR}/assets/content/*" "${CMAKE_SOURCE_DIR}/assets/schema/*")
set(_copied)
foreach(f ${_asset_files})
  add_custom_command(OUTPUT "${EXPLAINER_ASSETS_OUT}/${f}"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/assets/${f}" "${EXPLAINER_ASSETS_OUT}/${f}"
    DEPENDS "${CMAKE_SOURCE_DIR}/assets/${f}" VERBATIM)
  list(APPEND _copied "${EXPLAINER_ASSETS_OUT}/${f}")
endforeach()
add_custom_target(explainer_assets ALL DEPENDS ${_font_outputs} ${_copied})
