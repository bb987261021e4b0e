// The search tokenizer's character tables, written at build time from
// Debian's unicode-data by core/search/unicode_table.py (its comment gives
// the layouts). Read through core/search/tokenizer.cpp only.
#pragma once

#include <cstddef>
#include <cstdint>

namespace blog::unicode_table {

extern const size_t kPropCount;
extern const uint32_t kPropStarts[];
extern const uint8_t kPropValues[];
extern const uint8_t kAsciiProps[128];
extern const size_t kNormCount;
extern const uint32_t kNormKeys[];
extern const int32_t kNormValues[];
extern const char kNormPool[];
extern const size_t kStripCount;
extern const uint32_t kStripKeys[];
extern const int32_t kStripValues[];
extern const char kStripPool[];

}  // namespace blog::unicode_table
