// HTML named character references ("&amp;", "&NotEqualTilde;"): the 2,125
// names of the HTML standard and the code points each stands for, as md4c
// knows them. The table is generated at build time from md4c's own
// (src/entity.c of the md4c source the build uses) by
// core/html/entity_table.py, into entity_table.cpp, which defines the function
// below. Its layout is half the size of md4c's array of name pointers: 24 KB
// less in blog-core.wasm, 6.5 KB less gzip (bench/README.md, "c.").
#pragma once

#include <string_view>

namespace blog {

// The code points of `ref`, a reference as md4c reports it ("&AElig;", with
// '&' and ';'): returns how many it stands for (1 or 2, in cp[0] and cp[1]),
// or 0 when the name is not one of the standard's.
int html_entity_codepoints(std::string_view ref, unsigned cp[2]);

}  // namespace blog
