# assets.cmake — assemble the bundled assets folder in the build tree: copied content and schema, plus links to the
# desktop's fonts in Debian's fonts-noto-core and fonts-noto-cjk (core/font_files.h names them).
#
# Whole faces, not subsets: a subset cut to the bundled article drew any other Chinese as boxes. The app maps the
# files and Dear ImGui rasterises only the glyphs drawn, so the 20 MB CJK collections cost little at start-up:
# against the old subsets, a screenshot of the bundled article took 1.01× the CPU time in English and 1.08× in
# Chinese, with 2 MB / 12 MB more resident (mapped file pages, shared with the page cache). Links, not copies: the
# files stay where the package put them. The web build ships no fonts (the browser draws the text).
set(EXPLAINER_FONT_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "Folder with NotoSans-Regular.ttf and -Bold.ttf")
set(EXPLAINER_CJK_FONT_DIR "/usr/share/fonts/opentype/noto" CACHE PATH
    "Folder with NotoSansCJK-Regular.ttc and -Bold.ttc")
find_program(EXPLAINER_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)  # Debian's, for fontTools
if(NOT EXPLAINER_PYTHON)
  find_program(EXPLAINER_PYTHON python3 NO_CMAKE_FIND_ROOT_PATH REQUIRED)
endif()
set(_font_outputs)
foreach(font NotoSans-Regular.ttf NotoSans-Bold.ttf NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc)
  if(font MATCHES "CJK")
    set(_in "${EXPLAINER_CJK_FONT_DIR}/${font}")
    set(_package fonts-noto-cjk)
  else()
    set(_in "${EXPLAINER_FONT_DIR}/${font}")
    set(_package fonts-noto-core)
  endif()
  if(NOT EXISTS "${_in}")
    message(WARNING "${_in} not found (Debian package ${_package}): the desktop app will draw boxes for its characters")
    continue()
  endif()
  set(_out "${EXPLAINER_ASSETS_OUT}/fonts/${font}")
  add_custom_command(OUTPUT "${_out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${EXPLAINER_ASSETS_OUT}/fonts"
    COMMAND ${CMAKE_COMMAND} -E create_symlink "${_in}" "${_out}"
    DEPENDS "${_in}" COMMENT "Linking the font ${font}" VERBATIM)
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
