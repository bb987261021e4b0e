# blog_stemmer: Snowball's stemmers (UTF-8) as a static library, for the
# native build and the wasm build alike. Debian 12's orig tarball of Snowball
# 2.2.0 (scripts/setup.sh unpacks it into deps/) holds the Snowball compiler and the
# .sbl algorithms, not generated C: the compiler is built here with the
# machine's own C compiler (never the cross compiler: under Emscripten it
# must run at build time), and it writes one C stemmer per language into
# ${CMAKE_BINARY_DIR}/generated/snowball/. The module table that names them
# (core/search/stemmer_modules.h) is written at configure time from
# BLOG_STEMMERS and Snowball's own libstemmer/modules.txt (the language codes).

# The version is that of Debian 12's libstemmer-tools, whose stemwords the
# tests compare our stems with (tests/tool/stemwords_compare.py). Not a cache
# entry: a build folder configured for an earlier version follows this one.
set(SNOWBALL_VERSION 2.2.0)
unset(SNOWBALL_DIR CACHE)
unset(SNOWBALL_DATA_DIR CACHE)
set(SNOWBALL_DIR "${CMAKE_SOURCE_DIR}/deps/snowball-${SNOWBALL_VERSION}")
if(NOT EXISTS "${SNOWBALL_DIR}/compiler/driver.c")
  message(FATAL_ERROR "Snowball source not found in ${SNOWBALL_DIR}: run scripts/setup.sh (make setup)")
endif()
file(STRINGS "${SNOWBALL_DIR}/compiler/header.h" _sb_version REGEX "#define SNOWBALL_VERSION")
if(NOT _sb_version MATCHES "\"${SNOWBALL_VERSION}\"")
  message(FATAL_ERROR "${SNOWBALL_DIR} is not Snowball ${SNOWBALL_VERSION} (${_sb_version})")
endif()

# The languages shipped, the same in the native tool and the browser (a term
# stemmed at index time must be stemmed the same at query time). Any other
# algorithm of ${SNOWBALL_DIR}/algorithms can be added (-DBLOG_STEMMERS=...).
# Snowball 2.2.0 at -Oz, as a standalone wasm module with its runtime and
# malloc (11 KB of it): these twelve 76 KB (23 KB gzip); all 29 of its
# libstemmer (modules.txt, porter included) 294 KB (86 KB gzip).
set(BLOG_STEMMERS
    danish dutch english finnish french german italian norwegian portuguese
    russian spanish swedish
    CACHE STRING "Snowball algorithms compiled into blog_stemmer")

# The host C compiler: CMAKE_C_COMPILER is emcc in the wasm build.
find_program(BLOG_HOST_CC NAMES cc gcc clang PATHS /usr/bin NO_CMAKE_FIND_ROOT_PATH)
if(NOT BLOG_HOST_CC)
  message(FATAL_ERROR "no host C compiler (cc) found to build the Snowball compiler")
endif()

set(_sb_gen "${CMAKE_BINARY_DIR}/generated/snowball")
file(MAKE_DIRECTORY "${_sb_gen}")
set(_sb_exe "${_sb_gen}/snowball")
file(GLOB _sb_compiler_sources "${SNOWBALL_DIR}/compiler/*.c")
file(GLOB _sb_compiler_headers "${SNOWBALL_DIR}/compiler/*.h")
add_custom_command(OUTPUT "${_sb_exe}"
  COMMAND "${BLOG_HOST_CC}" -O2 -o "${_sb_exe}" ${_sb_compiler_sources}
  DEPENDS ${_sb_compiler_sources} ${_sb_compiler_headers}
  COMMENT "Snowball compiler (host C compiler)"
  VERBATIM)

# Language codes from modules.txt: "english UTF_8,ISO_8859_1 english,en,eng".
file(STRINGS "${SNOWBALL_DIR}/libstemmer/modules.txt" _sb_lines REGEX "^[a-z_]+[ \t]+[A-Z0-9_,]+[ \t]+[a-z_,]+")
set(_sb_sources)
set(_sb_decls "")
set(_sb_rows "")
foreach(lang IN LISTS BLOG_STEMMERS)
  set(_sbl "${SNOWBALL_DIR}/algorithms/${lang}.sbl")
  if(NOT EXISTS "${_sbl}")
    message(FATAL_ERROR "BLOG_STEMMERS: no Snowball algorithm ${_sbl}")
  endif()
  set(_codes "")
  foreach(line IN LISTS _sb_lines)
    if(line MATCHES "^${lang}[ \t]+[A-Z0-9_,]+[ \t]+([a-z_,]+)")
      string(REPLACE "," " " _codes "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  if(lang STREQUAL "norwegian")
    string(APPEND _codes " nb nn")  # Bokmål and Nynorsk: the BCP 47 tags in use
  endif()
  set(_base "${_sb_gen}/stem_UTF_8_${lang}")
  add_custom_command(OUTPUT "${_base}.c" "${_base}.h"
    COMMAND "${_sb_exe}" "${_sbl}" -o "${_base}" -eprefix "${lang}_UTF_8_" -r "${SNOWBALL_DIR}/runtime" -u
    DEPENDS "${_sb_exe}" "${_sbl}"
    COMMENT "Snowball: ${lang}.sbl"
    VERBATIM)
  list(APPEND _sb_sources "${_base}.c")
  string(APPEND _sb_decls "#include \"stem_UTF_8_${lang}.h\"\n")
  string(APPEND _sb_rows "    {\"${lang}\", \" ${_codes} \", ${lang}_UTF_8_create_env, ${lang}_UTF_8_close_env, ${lang}_UTF_8_stem},\n")
endforeach()

set(_sb_table "${_sb_gen}/stemmer_modules.c")
file(CONFIGURE OUTPUT "${_sb_table}" @ONLY CONTENT "/* Written by cmake/snowball.cmake from BLOG_STEMMERS: do not edit. */
#include \"core/search/stemmer_modules.h\"
@_sb_decls@
const struct blog_stemmer_module blog_stemmer_modules[] = {
@_sb_rows@    {0, 0, 0, 0, 0},
};
")

add_library(blog_stemmer STATIC
  "${SNOWBALL_DIR}/runtime/api.c"
  "${SNOWBALL_DIR}/runtime/utilities.c"
  ${_sb_sources}
  "${_sb_table}")
target_include_directories(blog_stemmer PRIVATE "${_sb_gen}" "${CMAKE_SOURCE_DIR}")
target_include_directories(blog_stemmer SYSTEM PUBLIC "${SNOWBALL_DIR}/runtime")
