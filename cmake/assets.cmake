# assets.cmake — assemble the bundled assets folder in the build tree: copied content and schema, plus UI fonts
# subset from Debian's fonts-noto-core with fonttools' pyftsubset (a whole Latin TTF is ~500 KB; the subset ~20 KB).
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
