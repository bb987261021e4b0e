#include "tool/hugo_url.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/util/utf8.hpp"

namespace blog::tool {

namespace {

// Go's unicode package as Go 1.19 (Hugo 0.111.3's Debian build) has it:
// Unicode 13.0. Generated from the UCD (Python's unicodedata, Perl's Age
// property to leave out what Unicode 14 added).
struct CodeRange {
    uint32_t first, last;
};
struct LowerRun {
    uint32_t first, last;
    uint32_t step;  // 1: every code point maps; 2: every other one (upper/lower pairs)
    int32_t delta;
};

// Letters (L), decimal digits (Nd) and marks (M) above U+007F, Unicode 13.0
constexpr CodeRange kWordRanges[] = {
    {0xAA, 0xAA}, {0xB5, 0xB5}, {0xBA, 0xBA}, {0xC0, 0xD6}, {0xD8, 0xF6}, {0xF8, 0x2C1},
    {0x2C6, 0x2D1}, {0x2E0, 0x2E4}, {0x2EC, 0x2EC}, {0x2EE, 0x2EE}, {0x300, 0x374}, {0x376, 0x377},
    {0x37A, 0x37D}, {0x37F, 0x37F}, {0x386, 0x386}, {0x388, 0x38A}, {0x38C, 0x38C}, {0x38E, 0x3A1},
    {0x3A3, 0x3F5}, {0x3F7, 0x481}, {0x483, 0x52F}, {0x531, 0x556}, {0x559, 0x559}, {0x560, 0x588},
    {0x591, 0x5BD}, {0x5BF, 0x5BF}, {0x5C1, 0x5C2}, {0x5C4, 0x5C5}, {0x5C7, 0x5C7}, {0x5D0, 0x5EA},
    {0x5EF, 0x5F2}, {0x610, 0x61A}, {0x620, 0x669}, {0x66E, 0x6D3}, {0x6D5, 0x6DC}, {0x6DF, 0x6E8},
    {0x6EA, 0x6FC}, {0x6FF, 0x6FF}, {0x710, 0x74A}, {0x74D, 0x7B1}, {0x7C0, 0x7F5}, {0x7FA, 0x7FA},
    {0x7FD, 0x7FD}, {0x800, 0x82D}, {0x840, 0x85B}, {0x860, 0x86A}, {0x8A0, 0x8B4}, {0x8B6, 0x8C7},
    {0x8D3, 0x8E1}, {0x8E3, 0x963}, {0x966, 0x96F}, {0x971, 0x983}, {0x985, 0x98C}, {0x98F, 0x990},
    {0x993, 0x9A8}, {0x9AA, 0x9B0}, {0x9B2, 0x9B2}, {0x9B6, 0x9B9}, {0x9BC, 0x9C4}, {0x9C7, 0x9C8},
    {0x9CB, 0x9CE}, {0x9D7, 0x9D7}, {0x9DC, 0x9DD}, {0x9DF, 0x9E3}, {0x9E6, 0x9F1}, {0x9FC, 0x9FC},
    {0x9FE, 0x9FE}, {0xA01, 0xA03}, {0xA05, 0xA0A}, {0xA0F, 0xA10}, {0xA13, 0xA28}, {0xA2A, 0xA30},
    {0xA32, 0xA33}, {0xA35, 0xA36}, {0xA38, 0xA39}, {0xA3C, 0xA3C}, {0xA3E, 0xA42}, {0xA47, 0xA48},
    {0xA4B, 0xA4D}, {0xA51, 0xA51}, {0xA59, 0xA5C}, {0xA5E, 0xA5E}, {0xA66, 0xA75}, {0xA81, 0xA83},
    {0xA85, 0xA8D}, {0xA8F, 0xA91}, {0xA93, 0xAA8}, {0xAAA, 0xAB0}, {0xAB2, 0xAB3}, {0xAB5, 0xAB9},
    {0xABC, 0xAC5}, {0xAC7, 0xAC9}, {0xACB, 0xACD}, {0xAD0, 0xAD0}, {0xAE0, 0xAE3}, {0xAE6, 0xAEF},
    {0xAF9, 0xAFF}, {0xB01, 0xB03}, {0xB05, 0xB0C}, {0xB0F, 0xB10}, {0xB13, 0xB28}, {0xB2A, 0xB30},
    {0xB32, 0xB33}, {0xB35, 0xB39}, {0xB3C, 0xB44}, {0xB47, 0xB48}, {0xB4B, 0xB4D}, {0xB55, 0xB57},
    {0xB5C, 0xB5D}, {0xB5F, 0xB63}, {0xB66, 0xB6F}, {0xB71, 0xB71}, {0xB82, 0xB83}, {0xB85, 0xB8A},
    {0xB8E, 0xB90}, {0xB92, 0xB95}, {0xB99, 0xB9A}, {0xB9C, 0xB9C}, {0xB9E, 0xB9F}, {0xBA3, 0xBA4},
    {0xBA8, 0xBAA}, {0xBAE, 0xBB9}, {0xBBE, 0xBC2}, {0xBC6, 0xBC8}, {0xBCA, 0xBCD}, {0xBD0, 0xBD0},
    {0xBD7, 0xBD7}, {0xBE6, 0xBEF}, {0xC00, 0xC0C}, {0xC0E, 0xC10}, {0xC12, 0xC28}, {0xC2A, 0xC39},
    {0xC3D, 0xC44}, {0xC46, 0xC48}, {0xC4A, 0xC4D}, {0xC55, 0xC56}, {0xC58, 0xC5A}, {0xC60, 0xC63},
    {0xC66, 0xC6F}, {0xC80, 0xC83}, {0xC85, 0xC8C}, {0xC8E, 0xC90}, {0xC92, 0xCA8}, {0xCAA, 0xCB3},
    {0xCB5, 0xCB9}, {0xCBC, 0xCC4}, {0xCC6, 0xCC8}, {0xCCA, 0xCCD}, {0xCD5, 0xCD6}, {0xCDE, 0xCDE},
    {0xCE0, 0xCE3}, {0xCE6, 0xCEF}, {0xCF1, 0xCF2}, {0xD00, 0xD0C}, {0xD0E, 0xD10}, {0xD12, 0xD44},
    {0xD46, 0xD48}, {0xD4A, 0xD4E}, {0xD54, 0xD57}, {0xD5F, 0xD63}, {0xD66, 0xD6F}, {0xD7A, 0xD7F},
    {0xD81, 0xD83}, {0xD85, 0xD96}, {0xD9A, 0xDB1}, {0xDB3, 0xDBB}, {0xDBD, 0xDBD}, {0xDC0, 0xDC6},
    {0xDCA, 0xDCA}, {0xDCF, 0xDD4}, {0xDD6, 0xDD6}, {0xDD8, 0xDDF}, {0xDE6, 0xDEF}, {0xDF2, 0xDF3},
    {0xE01, 0xE3A}, {0xE40, 0xE4E}, {0xE50, 0xE59}, {0xE81, 0xE82}, {0xE84, 0xE84}, {0xE86, 0xE8A},
    {0xE8C, 0xEA3}, {0xEA5, 0xEA5}, {0xEA7, 0xEBD}, {0xEC0, 0xEC4}, {0xEC6, 0xEC6}, {0xEC8, 0xECD},
    {0xED0, 0xED9}, {0xEDC, 0xEDF}, {0xF00, 0xF00}, {0xF18, 0xF19}, {0xF20, 0xF29}, {0xF35, 0xF35},
    {0xF37, 0xF37}, {0xF39, 0xF39}, {0xF3E, 0xF47}, {0xF49, 0xF6C}, {0xF71, 0xF84}, {0xF86, 0xF97},
    {0xF99, 0xFBC}, {0xFC6, 0xFC6}, {0x1000, 0x1049}, {0x1050, 0x109D}, {0x10A0, 0x10C5}, {0x10C7, 0x10C7},
    {0x10CD, 0x10CD}, {0x10D0, 0x10FA}, {0x10FC, 0x1248}, {0x124A, 0x124D}, {0x1250, 0x1256}, {0x1258, 0x1258},
    {0x125A, 0x125D}, {0x1260, 0x1288}, {0x128A, 0x128D}, {0x1290, 0x12B0}, {0x12B2, 0x12B5}, {0x12B8, 0x12BE},
    {0x12C0, 0x12C0}, {0x12C2, 0x12C5}, {0x12C8, 0x12D6}, {0x12D8, 0x1310}, {0x1312, 0x1315}, {0x1318, 0x135A},
    {0x135D, 0x135F}, {0x1380, 0x138F}, {0x13A0, 0x13F5}, {0x13F8, 0x13FD}, {0x1401, 0x166C}, {0x166F, 0x167F},
    {0x1681, 0x169A}, {0x16A0, 0x16EA}, {0x16F1, 0x16F8}, {0x1700, 0x170C}, {0x170E, 0x1714}, {0x1720, 0x1734},
    {0x1740, 0x1753}, {0x1760, 0x176C}, {0x176E, 0x1770}, {0x1772, 0x1773}, {0x1780, 0x17D3}, {0x17D7, 0x17D7},
    {0x17DC, 0x17DD}, {0x17E0, 0x17E9}, {0x180B, 0x180D}, {0x1810, 0x1819}, {0x1820, 0x1878}, {0x1880, 0x18AA},
    {0x18B0, 0x18F5}, {0x1900, 0x191E}, {0x1920, 0x192B}, {0x1930, 0x193B}, {0x1946, 0x196D}, {0x1970, 0x1974},
    {0x1980, 0x19AB}, {0x19B0, 0x19C9}, {0x19D0, 0x19D9}, {0x1A00, 0x1A1B}, {0x1A20, 0x1A5E}, {0x1A60, 0x1A7C},
    {0x1A7F, 0x1A89}, {0x1A90, 0x1A99}, {0x1AA7, 0x1AA7}, {0x1AB0, 0x1AC0}, {0x1B00, 0x1B4B}, {0x1B50, 0x1B59},
    {0x1B6B, 0x1B73}, {0x1B80, 0x1BF3}, {0x1C00, 0x1C37}, {0x1C40, 0x1C49}, {0x1C4D, 0x1C7D}, {0x1C80, 0x1C88},
    {0x1C90, 0x1CBA}, {0x1CBD, 0x1CBF}, {0x1CD0, 0x1CD2}, {0x1CD4, 0x1CFA}, {0x1D00, 0x1DF9}, {0x1DFB, 0x1F15},
    {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57}, {0x1F59, 0x1F59}, {0x1F5B, 0x1F5B},
    {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4}, {0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4},
    {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3}, {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFC},
    {0x2071, 0x2071}, {0x207F, 0x207F}, {0x2090, 0x209C}, {0x20D0, 0x20F0}, {0x2102, 0x2102}, {0x2107, 0x2107},
    {0x210A, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211D}, {0x2124, 0x2124}, {0x2126, 0x2126}, {0x2128, 0x2128},
    {0x212A, 0x212D}, {0x212F, 0x2139}, {0x213C, 0x213F}, {0x2145, 0x2149}, {0x214E, 0x214E}, {0x2183, 0x2184},
    {0x2C00, 0x2C2E}, {0x2C30, 0x2C5E}, {0x2C60, 0x2CE4}, {0x2CEB, 0x2CF3}, {0x2D00, 0x2D25}, {0x2D27, 0x2D27},
    {0x2D2D, 0x2D2D}, {0x2D30, 0x2D67}, {0x2D6F, 0x2D6F}, {0x2D7F, 0x2D96}, {0x2DA0, 0x2DA6}, {0x2DA8, 0x2DAE},
    {0x2DB0, 0x2DB6}, {0x2DB8, 0x2DBE}, {0x2DC0, 0x2DC6}, {0x2DC8, 0x2DCE}, {0x2DD0, 0x2DD6}, {0x2DD8, 0x2DDE},
    {0x2DE0, 0x2DFF}, {0x2E2F, 0x2E2F}, {0x3005, 0x3006}, {0x302A, 0x302F}, {0x3031, 0x3035}, {0x303B, 0x303C},
    {0x3041, 0x3096}, {0x3099, 0x309A}, {0x309D, 0x309F}, {0x30A1, 0x30FA}, {0x30FC, 0x30FF}, {0x3105, 0x312F},
    {0x3131, 0x318E}, {0x31A0, 0x31BF}, {0x31F0, 0x31FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFC}, {0xA000, 0xA48C},
    {0xA4D0, 0xA4FD}, {0xA500, 0xA60C}, {0xA610, 0xA62B}, {0xA640, 0xA672}, {0xA674, 0xA67D}, {0xA67F, 0xA6E5},
    {0xA6F0, 0xA6F1}, {0xA717, 0xA71F}, {0xA722, 0xA788}, {0xA78B, 0xA7BF}, {0xA7C2, 0xA7CA}, {0xA7F5, 0xA827},
    {0xA82C, 0xA82C}, {0xA840, 0xA873}, {0xA880, 0xA8C5}, {0xA8D0, 0xA8D9}, {0xA8E0, 0xA8F7}, {0xA8FB, 0xA8FB},
    {0xA8FD, 0xA92D}, {0xA930, 0xA953}, {0xA960, 0xA97C}, {0xA980, 0xA9C0}, {0xA9CF, 0xA9D9}, {0xA9E0, 0xA9FE},
    {0xAA00, 0xAA36}, {0xAA40, 0xAA4D}, {0xAA50, 0xAA59}, {0xAA60, 0xAA76}, {0xAA7A, 0xAAC2}, {0xAADB, 0xAADD},
    {0xAAE0, 0xAAEF}, {0xAAF2, 0xAAF6}, {0xAB01, 0xAB06}, {0xAB09, 0xAB0E}, {0xAB11, 0xAB16}, {0xAB20, 0xAB26},
    {0xAB28, 0xAB2E}, {0xAB30, 0xAB5A}, {0xAB5C, 0xAB69}, {0xAB70, 0xABEA}, {0xABEC, 0xABED}, {0xABF0, 0xABF9},
    {0xAC00, 0xD7A3}, {0xD7B0, 0xD7C6}, {0xD7CB, 0xD7FB}, {0xF900, 0xFA6D}, {0xFA70, 0xFAD9}, {0xFB00, 0xFB06},
    {0xFB13, 0xFB17}, {0xFB1D, 0xFB28}, {0xFB2A, 0xFB36}, {0xFB38, 0xFB3C}, {0xFB3E, 0xFB3E}, {0xFB40, 0xFB41},
    {0xFB43, 0xFB44}, {0xFB46, 0xFBB1}, {0xFBD3, 0xFD3D}, {0xFD50, 0xFD8F}, {0xFD92, 0xFDC7}, {0xFDF0, 0xFDFB},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFE70, 0xFE74}, {0xFE76, 0xFEFC}, {0xFF10, 0xFF19}, {0xFF21, 0xFF3A},
    {0xFF41, 0xFF5A}, {0xFF66, 0xFFBE}, {0xFFC2, 0xFFC7}, {0xFFCA, 0xFFCF}, {0xFFD2, 0xFFD7}, {0xFFDA, 0xFFDC},
    {0x10000, 0x1000B}, {0x1000D, 0x10026}, {0x10028, 0x1003A}, {0x1003C, 0x1003D}, {0x1003F, 0x1004D}, {0x10050, 0x1005D},
    {0x10080, 0x100FA}, {0x101FD, 0x101FD}, {0x10280, 0x1029C}, {0x102A0, 0x102D0}, {0x102E0, 0x102E0}, {0x10300, 0x1031F},
    {0x1032D, 0x10340}, {0x10342, 0x10349}, {0x10350, 0x1037A}, {0x10380, 0x1039D}, {0x103A0, 0x103C3}, {0x103C8, 0x103CF},
    {0x10400, 0x1049D}, {0x104A0, 0x104A9}, {0x104B0, 0x104D3}, {0x104D8, 0x104FB}, {0x10500, 0x10527}, {0x10530, 0x10563},
    {0x10600, 0x10736}, {0x10740, 0x10755}, {0x10760, 0x10767}, {0x10800, 0x10805}, {0x10808, 0x10808}, {0x1080A, 0x10835},
    {0x10837, 0x10838}, {0x1083C, 0x1083C}, {0x1083F, 0x10855}, {0x10860, 0x10876}, {0x10880, 0x1089E}, {0x108E0, 0x108F2},
    {0x108F4, 0x108F5}, {0x10900, 0x10915}, {0x10920, 0x10939}, {0x10980, 0x109B7}, {0x109BE, 0x109BF}, {0x10A00, 0x10A03},
    {0x10A05, 0x10A06}, {0x10A0C, 0x10A13}, {0x10A15, 0x10A17}, {0x10A19, 0x10A35}, {0x10A38, 0x10A3A}, {0x10A3F, 0x10A3F},
    {0x10A60, 0x10A7C}, {0x10A80, 0x10A9C}, {0x10AC0, 0x10AC7}, {0x10AC9, 0x10AE6}, {0x10B00, 0x10B35}, {0x10B40, 0x10B55},
    {0x10B60, 0x10B72}, {0x10B80, 0x10B91}, {0x10C00, 0x10C48}, {0x10C80, 0x10CB2}, {0x10CC0, 0x10CF2}, {0x10D00, 0x10D27},
    {0x10D30, 0x10D39}, {0x10E80, 0x10EA9}, {0x10EAB, 0x10EAC}, {0x10EB0, 0x10EB1}, {0x10F00, 0x10F1C}, {0x10F27, 0x10F27},
    {0x10F30, 0x10F50}, {0x10FB0, 0x10FC4}, {0x10FE0, 0x10FF6}, {0x11000, 0x11046}, {0x11066, 0x1106F}, {0x1107F, 0x110BA},
    {0x110D0, 0x110E8}, {0x110F0, 0x110F9}, {0x11100, 0x11134}, {0x11136, 0x1113F}, {0x11144, 0x11147}, {0x11150, 0x11173},
    {0x11176, 0x11176}, {0x11180, 0x111C4}, {0x111C9, 0x111CC}, {0x111CE, 0x111DA}, {0x111DC, 0x111DC}, {0x11200, 0x11211},
    {0x11213, 0x11237}, {0x1123E, 0x1123E}, {0x11280, 0x11286}, {0x11288, 0x11288}, {0x1128A, 0x1128D}, {0x1128F, 0x1129D},
    {0x1129F, 0x112A8}, {0x112B0, 0x112EA}, {0x112F0, 0x112F9}, {0x11300, 0x11303}, {0x11305, 0x1130C}, {0x1130F, 0x11310},
    {0x11313, 0x11328}, {0x1132A, 0x11330}, {0x11332, 0x11333}, {0x11335, 0x11339}, {0x1133B, 0x11344}, {0x11347, 0x11348},
    {0x1134B, 0x1134D}, {0x11350, 0x11350}, {0x11357, 0x11357}, {0x1135D, 0x11363}, {0x11366, 0x1136C}, {0x11370, 0x11374},
    {0x11400, 0x1144A}, {0x11450, 0x11459}, {0x1145E, 0x11461}, {0x11480, 0x114C5}, {0x114C7, 0x114C7}, {0x114D0, 0x114D9},
    {0x11580, 0x115B5}, {0x115B8, 0x115C0}, {0x115D8, 0x115DD}, {0x11600, 0x11640}, {0x11644, 0x11644}, {0x11650, 0x11659},
    {0x11680, 0x116B8}, {0x116C0, 0x116C9}, {0x11700, 0x1171A}, {0x1171D, 0x1172B}, {0x11730, 0x11739}, {0x11800, 0x1183A},
    {0x118A0, 0x118E9}, {0x118FF, 0x11906}, {0x11909, 0x11909}, {0x1190C, 0x11913}, {0x11915, 0x11916}, {0x11918, 0x11935},
    {0x11937, 0x11938}, {0x1193B, 0x11943}, {0x11950, 0x11959}, {0x119A0, 0x119A7}, {0x119AA, 0x119D7}, {0x119DA, 0x119E1},
    {0x119E3, 0x119E4}, {0x11A00, 0x11A3E}, {0x11A47, 0x11A47}, {0x11A50, 0x11A99}, {0x11A9D, 0x11A9D}, {0x11AC0, 0x11AF8},
    {0x11C00, 0x11C08}, {0x11C0A, 0x11C36}, {0x11C38, 0x11C40}, {0x11C50, 0x11C59}, {0x11C72, 0x11C8F}, {0x11C92, 0x11CA7},
    {0x11CA9, 0x11CB6}, {0x11D00, 0x11D06}, {0x11D08, 0x11D09}, {0x11D0B, 0x11D36}, {0x11D3A, 0x11D3A}, {0x11D3C, 0x11D3D},
    {0x11D3F, 0x11D47}, {0x11D50, 0x11D59}, {0x11D60, 0x11D65}, {0x11D67, 0x11D68}, {0x11D6A, 0x11D8E}, {0x11D90, 0x11D91},
    {0x11D93, 0x11D98}, {0x11DA0, 0x11DA9}, {0x11EE0, 0x11EF6}, {0x11FB0, 0x11FB0}, {0x12000, 0x12399}, {0x12480, 0x12543},
    {0x13000, 0x1342E}, {0x14400, 0x14646}, {0x16800, 0x16A38}, {0x16A40, 0x16A5E}, {0x16A60, 0x16A69}, {0x16AD0, 0x16AED},
    {0x16AF0, 0x16AF4}, {0x16B00, 0x16B36}, {0x16B40, 0x16B43}, {0x16B50, 0x16B59}, {0x16B63, 0x16B77}, {0x16B7D, 0x16B8F},
    {0x16E40, 0x16E7F}, {0x16F00, 0x16F4A}, {0x16F4F, 0x16F87}, {0x16F8F, 0x16F9F}, {0x16FE0, 0x16FE1}, {0x16FE3, 0x16FE4},
    {0x16FF0, 0x16FF1}, {0x17000, 0x187F7}, {0x18800, 0x18CD5}, {0x18D00, 0x18D08}, {0x1B000, 0x1B11E}, {0x1B150, 0x1B152},
    {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB}, {0x1BC00, 0x1BC6A}, {0x1BC70, 0x1BC7C}, {0x1BC80, 0x1BC88}, {0x1BC90, 0x1BC99},
    {0x1BC9D, 0x1BC9E}, {0x1D165, 0x1D169}, {0x1D16D, 0x1D172}, {0x1D17B, 0x1D182}, {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD},
    {0x1D242, 0x1D244}, {0x1D400, 0x1D454}, {0x1D456, 0x1D49C}, {0x1D49E, 0x1D49F}, {0x1D4A2, 0x1D4A2}, {0x1D4A5, 0x1D4A6},
    {0x1D4A9, 0x1D4AC}, {0x1D4AE, 0x1D4B9}, {0x1D4BB, 0x1D4BB}, {0x1D4BD, 0x1D4C3}, {0x1D4C5, 0x1D505}, {0x1D507, 0x1D50A},
    {0x1D50D, 0x1D514}, {0x1D516, 0x1D51C}, {0x1D51E, 0x1D539}, {0x1D53B, 0x1D53E}, {0x1D540, 0x1D544}, {0x1D546, 0x1D546},
    {0x1D54A, 0x1D550}, {0x1D552, 0x1D6A5}, {0x1D6A8, 0x1D6C0}, {0x1D6C2, 0x1D6DA}, {0x1D6DC, 0x1D6FA}, {0x1D6FC, 0x1D714},
    {0x1D716, 0x1D734}, {0x1D736, 0x1D74E}, {0x1D750, 0x1D76E}, {0x1D770, 0x1D788}, {0x1D78A, 0x1D7A8}, {0x1D7AA, 0x1D7C2},
    {0x1D7C4, 0x1D7CB}, {0x1D7CE, 0x1D7FF}, {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75}, {0x1DA84, 0x1DA84},
    {0x1DA9B, 0x1DA9F}, {0x1DAA1, 0x1DAAF}, {0x1E000, 0x1E006}, {0x1E008, 0x1E018}, {0x1E01B, 0x1E021}, {0x1E023, 0x1E024},
    {0x1E026, 0x1E02A}, {0x1E100, 0x1E12C}, {0x1E130, 0x1E13D}, {0x1E140, 0x1E149}, {0x1E14E, 0x1E14E}, {0x1E2C0, 0x1E2F9},
    {0x1E800, 0x1E8C4}, {0x1E8D0, 0x1E8D6}, {0x1E900, 0x1E94B}, {0x1E950, 0x1E959}, {0x1EE00, 0x1EE03}, {0x1EE05, 0x1EE1F},
    {0x1EE21, 0x1EE22}, {0x1EE24, 0x1EE24}, {0x1EE27, 0x1EE27}, {0x1EE29, 0x1EE32}, {0x1EE34, 0x1EE37}, {0x1EE39, 0x1EE39},
    {0x1EE3B, 0x1EE3B}, {0x1EE42, 0x1EE42}, {0x1EE47, 0x1EE47}, {0x1EE49, 0x1EE49}, {0x1EE4B, 0x1EE4B}, {0x1EE4D, 0x1EE4F},
    {0x1EE51, 0x1EE52}, {0x1EE54, 0x1EE54}, {0x1EE57, 0x1EE57}, {0x1EE59, 0x1EE59}, {0x1EE5B, 0x1EE5B}, {0x1EE5D, 0x1EE5D},
    {0x1EE5F, 0x1EE5F}, {0x1EE61, 0x1EE62}, {0x1EE64, 0x1EE64}, {0x1EE67, 0x1EE6A}, {0x1EE6C, 0x1EE72}, {0x1EE74, 0x1EE77},
    {0x1EE79, 0x1EE7C}, {0x1EE7E, 0x1EE7E}, {0x1EE80, 0x1EE89}, {0x1EE8B, 0x1EE9B}, {0x1EEA1, 0x1EEA3}, {0x1EEA5, 0x1EEA9},
    {0x1EEAB, 0x1EEBB}, {0x1FBF0, 0x1FBF9}, {0x20000, 0x2A6DD}, {0x2A700, 0x2B734}, {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1},
    {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A}, {0xE0100, 0xE01EF},
};

// Simple lower-case mappings above U+007F, Unicode 13.0: first, last, step, delta.
constexpr LowerRun kLowerRuns[] = {
    {0xC0, 0xD6, 1, 32}, {0xD8, 0xDE, 1, 32}, {0x100, 0x12E, 2, 1}, {0x130, 0x130, 1, -199},
    {0x132, 0x136, 2, 1}, {0x139, 0x147, 2, 1}, {0x14A, 0x176, 2, 1}, {0x178, 0x178, 1, -121},
    {0x179, 0x17D, 2, 1}, {0x181, 0x181, 1, 210}, {0x182, 0x184, 2, 1}, {0x186, 0x186, 1, 206},
    {0x187, 0x187, 1, 1}, {0x189, 0x18A, 1, 205}, {0x18B, 0x18B, 1, 1}, {0x18E, 0x18E, 1, 79},
    {0x18F, 0x18F, 1, 202}, {0x190, 0x190, 1, 203}, {0x191, 0x191, 1, 1}, {0x193, 0x193, 1, 205},
    {0x194, 0x194, 1, 207}, {0x196, 0x196, 1, 211}, {0x197, 0x197, 1, 209}, {0x198, 0x198, 1, 1},
    {0x19C, 0x19C, 1, 211}, {0x19D, 0x19D, 1, 213}, {0x19F, 0x19F, 1, 214}, {0x1A0, 0x1A4, 2, 1},
    {0x1A6, 0x1A6, 1, 218}, {0x1A7, 0x1A7, 1, 1}, {0x1A9, 0x1A9, 1, 218}, {0x1AC, 0x1AC, 1, 1},
    {0x1AE, 0x1AE, 1, 218}, {0x1AF, 0x1AF, 1, 1}, {0x1B1, 0x1B2, 1, 217}, {0x1B3, 0x1B5, 2, 1},
    {0x1B7, 0x1B7, 1, 219}, {0x1B8, 0x1B8, 1, 1}, {0x1BC, 0x1BC, 1, 1}, {0x1C4, 0x1C4, 1, 2},
    {0x1C5, 0x1C5, 1, 1}, {0x1C7, 0x1C7, 1, 2}, {0x1C8, 0x1C8, 1, 1}, {0x1CA, 0x1CA, 1, 2},
    {0x1CB, 0x1DB, 2, 1}, {0x1DE, 0x1EE, 2, 1}, {0x1F1, 0x1F1, 1, 2}, {0x1F2, 0x1F4, 2, 1},
    {0x1F6, 0x1F6, 1, -97}, {0x1F7, 0x1F7, 1, -56}, {0x1F8, 0x21E, 2, 1}, {0x220, 0x220, 1, -130},
    {0x222, 0x232, 2, 1}, {0x23A, 0x23A, 1, 10795}, {0x23B, 0x23B, 1, 1}, {0x23D, 0x23D, 1, -163},
    {0x23E, 0x23E, 1, 10792}, {0x241, 0x241, 1, 1}, {0x243, 0x243, 1, -195}, {0x244, 0x244, 1, 69},
    {0x245, 0x245, 1, 71}, {0x246, 0x24E, 2, 1}, {0x370, 0x372, 2, 1}, {0x376, 0x376, 1, 1},
    {0x37F, 0x37F, 1, 116}, {0x386, 0x386, 1, 38}, {0x388, 0x38A, 1, 37}, {0x38C, 0x38C, 1, 64},
    {0x38E, 0x38F, 1, 63}, {0x391, 0x3A1, 1, 32}, {0x3A3, 0x3AB, 1, 32}, {0x3CF, 0x3CF, 1, 8},
    {0x3D8, 0x3EE, 2, 1}, {0x3F4, 0x3F4, 1, -60}, {0x3F7, 0x3F7, 1, 1}, {0x3F9, 0x3F9, 1, -7},
    {0x3FA, 0x3FA, 1, 1}, {0x3FD, 0x3FF, 1, -130}, {0x400, 0x40F, 1, 80}, {0x410, 0x42F, 1, 32},
    {0x460, 0x480, 2, 1}, {0x48A, 0x4BE, 2, 1}, {0x4C0, 0x4C0, 1, 15}, {0x4C1, 0x4CD, 2, 1},
    {0x4D0, 0x52E, 2, 1}, {0x531, 0x556, 1, 48}, {0x10A0, 0x10C5, 1, 7264}, {0x10C7, 0x10C7, 1, 7264},
    {0x10CD, 0x10CD, 1, 7264}, {0x13A0, 0x13EF, 1, 38864}, {0x13F0, 0x13F5, 1, 8}, {0x1C90, 0x1CBA, 1, -3008},
    {0x1CBD, 0x1CBF, 1, -3008}, {0x1E00, 0x1E94, 2, 1}, {0x1E9E, 0x1E9E, 1, -7615}, {0x1EA0, 0x1EFE, 2, 1},
    {0x1F08, 0x1F0F, 1, -8}, {0x1F18, 0x1F1D, 1, -8}, {0x1F28, 0x1F2F, 1, -8}, {0x1F38, 0x1F3F, 1, -8},
    {0x1F48, 0x1F4D, 1, -8}, {0x1F59, 0x1F5F, 2, -8}, {0x1F68, 0x1F6F, 1, -8}, {0x1F88, 0x1F8F, 1, -8},
    {0x1F98, 0x1F9F, 1, -8}, {0x1FA8, 0x1FAF, 1, -8}, {0x1FB8, 0x1FB9, 1, -8}, {0x1FBA, 0x1FBB, 1, -74},
    {0x1FBC, 0x1FBC, 1, -9}, {0x1FC8, 0x1FCB, 1, -86}, {0x1FCC, 0x1FCC, 1, -9}, {0x1FD8, 0x1FD9, 1, -8},
    {0x1FDA, 0x1FDB, 1, -100}, {0x1FE8, 0x1FE9, 1, -8}, {0x1FEA, 0x1FEB, 1, -112}, {0x1FEC, 0x1FEC, 1, -7},
    {0x1FF8, 0x1FF9, 1, -128}, {0x1FFA, 0x1FFB, 1, -126}, {0x1FFC, 0x1FFC, 1, -9}, {0x2126, 0x2126, 1, -7517},
    {0x212A, 0x212A, 1, -8383}, {0x212B, 0x212B, 1, -8262}, {0x2132, 0x2132, 1, 28}, {0x2160, 0x216F, 1, 16},
    {0x2183, 0x2183, 1, 1}, {0x24B6, 0x24CF, 1, 26}, {0x2C00, 0x2C2E, 1, 48}, {0x2C60, 0x2C60, 1, 1},
    {0x2C62, 0x2C62, 1, -10743}, {0x2C63, 0x2C63, 1, -3814}, {0x2C64, 0x2C64, 1, -10727}, {0x2C67, 0x2C6B, 2, 1},
    {0x2C6D, 0x2C6D, 1, -10780}, {0x2C6E, 0x2C6E, 1, -10749}, {0x2C6F, 0x2C6F, 1, -10783}, {0x2C70, 0x2C70, 1, -10782},
    {0x2C72, 0x2C72, 1, 1}, {0x2C75, 0x2C75, 1, 1}, {0x2C7E, 0x2C7F, 1, -10815}, {0x2C80, 0x2CE2, 2, 1},
    {0x2CEB, 0x2CED, 2, 1}, {0x2CF2, 0x2CF2, 1, 1}, {0xA640, 0xA66C, 2, 1}, {0xA680, 0xA69A, 2, 1},
    {0xA722, 0xA72E, 2, 1}, {0xA732, 0xA76E, 2, 1}, {0xA779, 0xA77B, 2, 1}, {0xA77D, 0xA77D, 1, -35332},
    {0xA77E, 0xA786, 2, 1}, {0xA78B, 0xA78B, 1, 1}, {0xA78D, 0xA78D, 1, -42280}, {0xA790, 0xA792, 2, 1},
    {0xA796, 0xA7A8, 2, 1}, {0xA7AA, 0xA7AA, 1, -42308}, {0xA7AB, 0xA7AB, 1, -42319}, {0xA7AC, 0xA7AC, 1, -42315},
    {0xA7AD, 0xA7AD, 1, -42305}, {0xA7AE, 0xA7AE, 1, -42308}, {0xA7B0, 0xA7B0, 1, -42258}, {0xA7B1, 0xA7B1, 1, -42282},
    {0xA7B2, 0xA7B2, 1, -42261}, {0xA7B3, 0xA7B3, 1, 928}, {0xA7B4, 0xA7BE, 2, 1}, {0xA7C2, 0xA7C2, 1, 1},
    {0xA7C4, 0xA7C4, 1, -48}, {0xA7C5, 0xA7C5, 1, -42307}, {0xA7C6, 0xA7C6, 1, -35384}, {0xA7C7, 0xA7C9, 2, 1},
    {0xA7F5, 0xA7F5, 1, 1}, {0xFF21, 0xFF3A, 1, 32}, {0x10400, 0x10427, 1, 40}, {0x104B0, 0x104D3, 1, 40},
    {0x10C80, 0x10CB2, 1, 64}, {0x118A0, 0x118BF, 1, 32}, {0x16E40, 0x16E5F, 1, 32}, {0x1E900, 0x1E921, 1, 34},
};

bool in_ranges(uint32_t cp) {
    auto it = std::upper_bound(std::begin(kWordRanges), std::end(kWordRanges), cp,
                               [](uint32_t c, const CodeRange& r) { return c < r.first; });
    return it != std::begin(kWordRanges) && cp <= std::prev(it)->last;
}

// unicode.IsLetter || unicode.IsDigit || unicode.IsMark
bool is_word(uint32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return in_ranges(cp);
}

// unicode.IsSpace
bool is_space(uint32_t cp) {
    switch (cp) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

// unicode.ToLower: the simple mapping.
uint32_t to_lower(uint32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    auto it = std::upper_bound(std::begin(kLowerRuns), std::end(kLowerRuns), cp,
                               [](uint32_t c, const LowerRun& r) { return c < r.first; });
    if (it == std::begin(kLowerRuns)) return cp;
    const LowerRun& r = *std::prev(it);
    if (cp > r.last || (cp - r.first) % r.step != 0) return cp;
    return uint32_t(int32_t(cp) + r.delta);
}

// The code points of UTF-8 text; ill-formed bytes become U+FFFD, as Go's
// []rune(s) does (one per maximal subpart rather than per byte: the callers
// drop U+FFFD, so the count does not matter).
std::vector<uint32_t> decode(std::string_view text) {
    std::string repaired;
    if (utf8_valid_prefix(text) != text.size()) {
        repaired = utf8_repair(text).text;
        text = repaired;
    }
    std::vector<uint32_t> out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

bool is_hex(uint32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string trim(std::string_view s, std::string_view cut) {
    size_t b = s.find_first_not_of(cut);
    if (b == std::string_view::npos) return "";
    size_t e = s.find_last_not_of(cut);
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string_view s) {
    std::string out;
    for (uint32_t cp : decode(s)) utf8_append(out, to_lower(cp));
    return out;
}

// --- Go's net/url, the parts URLEscape uses -------------------------------

enum class Part { Path, Fragment };

// net/url's shouldEscape for encodePath and encodeFragment.
bool should_escape(unsigned char c, Part part) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
    switch (c) {
    case '-': case '_': case '.': case '~':
        return false;
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '?': case '@':
        return part == Part::Path ? c == '?' : false;
    default:
        break;
    }
    if (part == Part::Fragment && (c == '!' || c == '(' || c == ')' || c == '*')) return false;
    return true;
}

std::string escape(std::string_view s, Part part) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (should_escape(c, part)) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

// net/url's unescape; nullopt for a '%' without two hex digits.
std::optional<std::string> unescape(std::string_view s, bool plus_is_space) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            if (!is_hex(static_cast<unsigned char>(s[i + 1])) || !is_hex(static_cast<unsigned char>(s[i + 2])))
                return std::nullopt;
            out += char(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else if (s[i] == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

// net/url's validEncoded.
bool valid_encoded(std::string_view s, Part part) {
    for (char ch : s) {
        switch (ch) {
        case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',':
        case ';': case '=': case ':': case '@': case '[': case ']': case '%':
            continue;
        default:
            if (should_escape(static_cast<unsigned char>(ch), part)) return false;
        }
    }
    return true;
}

// A part as url.URL keeps it (the decoded value, and the raw text when it is
// not the default encoding) and writes it back (EscapedPath, EscapedFragment).
std::string reencode(std::string_view raw, Part part) {
    auto decoded = unescape(raw, false);
    if (!decoded) return escape(raw, part);  // Go fails to parse; encode the '%' too
    if (escape(*decoded, part) != raw && valid_encoded(raw, part)) return std::string(raw);
    return escape(*decoded, part);
}

// --- Go's path package -----------------------------------------------------

// path.Clean
std::string path_clean(std::string_view p) {
    if (p.empty()) return ".";
    bool rooted = p[0] == '/';
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (i < p.size()) {
        size_t j = p.find('/', i);
        if (j == std::string_view::npos) j = p.size();
        std::string_view seg = p.substr(i, j - i);
        i = j + 1;
        if (seg.empty() || seg == ".") continue;
        if (seg == "..") {
            if (!parts.empty() && parts.back() != "..") parts.pop_back();
            else if (!rooted) parts.push_back(seg);
            continue;
        }
        parts.push_back(seg);
    }
    std::string out = rooted ? "/" : "";
    for (size_t k = 0; k < parts.size(); ++k) {
        if (k) out += '/';
        out += parts[k];
    }
    if (out.empty()) return ".";
    return out;
}

// path.Join
std::string path_join(std::initializer_list<std::string_view> elems) {
    std::string joined;
    bool any = false;
    for (auto e : elems) {
        if (e.empty() && !any) continue;
        if (any) joined += '/';
        joined += e;
        any = true;
    }
    return any ? path_clean(joined) : "";
}

std::string path_join(const std::vector<std::string>& elems) {
    std::string joined;
    bool any = false;
    for (const auto& e : elems) {
        if (e.empty() && !any) continue;
        if (any) joined += '/';
        joined += e;
        any = true;
    }
    return any ? path_clean(joined) : "";
}

// page_paths.go's pjoin: path.Join keeping one trailing slash.
std::string pjoin(std::initializer_list<std::string_view> elems) {
    bool had_slash = ends_with(*(elems.end() - 1), "/");
    std::string joined = path_join(elems);
    if (had_slash && !ends_with(joined, "/")) joined += '/';
    return joined;
}

std::string add_suffix(std::string_view s, std::string_view suffix) { return trim(s, "/") + std::string(suffix); }

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t i = 0;
    while (true) {
        size_t j = s.find(sep, i);
        if (j == std::string_view::npos) {
            out.emplace_back(s.substr(i));
            return out;
        }
        out.emplace_back(s.substr(i, j - i));
        i = j + 1;
    }
}

}  // namespace

std::string hugo_make_path(std::string_view name, bool keep_case) {
    std::vector<uint32_t> source = decode(name);
    std::string target;
    bool prepend_hyphen = false, was_hyphen = false;
    for (size_t i = 0; i < source.size(); ++i) {
        uint32_t r = source[i];
        bool allowed = r == '.' || r == '/' || r == '\\' || r == '_' || r == '#' || r == '+' || r == '~' ||
                       r == '-' || r == '@' || is_word(r) ||
                       (r == '%' && i + 2 < source.size() && is_hex(source[i + 1]) && is_hex(source[i + 2]));
        if (allowed) {
            was_hyphen = r == '-';
            if (prepend_hyphen) {
                if (!was_hyphen) target += '-';
                prepend_hyphen = false;
            }
            utf8_append(target, keep_case ? r : to_lower(r));
        } else if (!target.empty() && !was_hyphen && is_space(r)) {
            prepend_hyphen = true;
        }
    }
    return target;
}

std::string hugo_url_escape(std::string_view path) {
    size_t hash = path.find('#');
    std::string_view rest = path.substr(0, hash);
    std::string_view fragment = hash == std::string_view::npos ? std::string_view() : path.substr(hash + 1);
    size_t question = rest.find('?');
    std::string_view query;
    bool force_query = false;
    if (question != std::string_view::npos) {
        query = rest.substr(question + 1);
        force_query = query.empty();
        rest = rest.substr(0, question);
    }
    std::string out = reencode(rest, Part::Path);
    if (force_query || !query.empty()) out += "?" + std::string(query);
    auto decoded_fragment = unescape(fragment, false);
    if (!fragment.empty() && !(decoded_fragment && decoded_fragment->empty()))
        out += "#" + reencode(fragment, Part::Fragment);
    return out;
}

std::string hugo_urlize(std::string_view text, bool keep_case) {
    return hugo_url_escape(hugo_make_path(text, keep_case));
}

std::string hugo_term_key(std::string_view term, bool keep_case) { return hugo_make_path(term, keep_case); }

// --- The page as Hugo sees its file ---------------------------------------

namespace {

enum class Kind { Home, Section, Page, Taxonomy, Term };

struct PageFile {
    Kind kind = Kind::Page;
    std::string dir;              // File().Dir(): "posts/2021/", "" at the root
    std::string base_name;        // TranslationBaseName: "My Name", "index"
    std::string content_base;     // ContentBaseName: a bundle's folder name, else base_name
    std::string bundle_path;      // "posts/2021/My Name", a bundle's "posts/trip"
    std::string section;          // Section(): the first folder, "" at the root
    std::vector<std::string> sections;  // a section page's folders
};

PageFile page_file(std::string_view file) {
    PageFile f;
    size_t slash = file.rfind('/');
    f.dir = slash == std::string_view::npos ? "" : std::string(file.substr(0, slash + 1));
    std::string name(slash == std::string_view::npos ? file : file.substr(slash + 1));
    size_t dot = name.rfind('.');
    f.base_name = dot == std::string::npos ? name : name.substr(0, dot);
    f.content_base = f.base_name;
    std::string dir_path = trim(f.dir, "/");
    if (f.base_name == "_index") {
        f.kind = dir_path.empty() ? Kind::Home : Kind::Section;
        if (!dir_path.empty()) f.sections = split(dir_path, '/');
        f.section = f.sections.empty() ? "" : f.sections[0];
        f.bundle_path = dir_path;
        return f;
    }
    if (f.base_name == "index" && !dir_path.empty()) {
        size_t s = dir_path.rfind('/');
        f.content_base = s == std::string::npos ? dir_path : dir_path.substr(s + 1);
        f.bundle_path = dir_path;
    } else {
        f.bundle_path = dir_path.empty() ? f.base_name : dir_path + "/" + f.base_name;
    }
    size_t first = f.bundle_path.find('/');
    if (first != std::string::npos) f.section = f.bundle_path.substr(0, first);
    return f;
}

std::string current_section(const HugoPageFacts& page, const PageFile& f) {
    return page.current_section.empty() ? f.section : trim(page.current_section, "/");
}

// The reference date: the page's, else Go's zero time.
struct Civil {
    int year = 1, month = 1, day = 1;
};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int year_day(const Civil& d) {
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return before[d.month - 1] + d.day + (d.month > 2 && leap(d.year) ? 1 : 0);
}

// 0 is Sunday, as Go's time.Weekday.
int week_day(const Civil& d) {
    // Days from civil (H. Hinnant), 1970-01-01 a Thursday.
    int y = d.year - (d.month <= 2 ? 1 : 0);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return int(((days % 7) + 7 + 4) % 7);
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// attributeRegexp `:\w+(\[.+?\])?`: the tokens of a pattern, ':' included.
std::vector<std::string> pattern_tokens(std::string_view s) {
    auto word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] != ':' || i + 1 >= s.size() || !word(s[i + 1])) {
            ++i;
            continue;
        }
        size_t j = i + 1;
        while (j < s.size() && word(s[j])) ++j;
        if (j < s.size() && s[j] == '[') {
            size_t close = std::string_view::npos;
            for (size_t k = j + 2; k < s.size() && s[k - 1] != '\n'; ++k) {
                if (s[k] == '\n') break;
                if (s[k] == ']') {
                    close = k;
                    break;
                }
            }
            if (close != std::string_view::npos) j = close + 1;
        }
        out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

const char* const kAttributes[] = {"year",    "month",    "monthname", "day",   "weekday",        "weekdayname", "yearday",
                                   "section", "sections", "title",     "slug",  "slugorfilename", "filename"};

bool known_attribute(std::string_view attr) {
    for (const char* a : kAttributes)
        if (attr == a) return true;
    return starts_with(attr, "sections[");
}

// Whether Go's time.Format would change `attr` (Hugo then takes it as a date
// layout): an approximation of time.nextStdChunk for \w characters.
bool looks_like_go_layout(std::string_view a) {
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= '1' && c <= '5') return true;
        if (c == '0' && i + 1 < a.size() && a[i + 1] >= '0' && a[i + 1] <= '6') return true;
        auto rest_lower = [&](size_t k) { return k < a.size() && a[k] >= 'a' && a[k] <= 'z'; };
        if ((a.substr(i, 3) == "Jan" || a.substr(i, 3) == "Mon") && !rest_lower(i + 3)) return true;
        if (a.substr(i, 7) == "January" || a.substr(i, 6) == "Monday") return true;
        if (a.substr(i, 3) == "MST" || a.substr(i, 2) == "PM" || a.substr(i, 2) == "pm") return true;
    }
    return false;
}

Error permalink_error(std::string_view pattern, const char* what, const char* code = "permalink") {
    return Error{code, "error expanding \"" + std::string(pattern) + "\": " + what};
}

// The attribute check of parse and validate.
std::optional<Error> check_attribute(std::string_view pattern, std::string_view attr) {
    if (known_attribute(attr)) return std::nullopt;
    if (looks_like_go_layout(attr))
        return permalink_error(pattern, "a Go time layout in a permalink is not supported here",
                               "permalink-unsupported");
    return permalink_error(pattern, "permalink attribute not recognised");
}

// toSliceFunc: :sections[low:high], [n], [last]. Where Hugo would panic
// (an index past the end, low > high) the result is empty.
std::vector<std::string> slice_sections(std::string_view cut_in, const std::vector<std::string>& s) {
    std::string cut;
    for (char c : trim(cut_in, " \t\n\r\v\f")) cut += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (cut.empty()) return s;
    if (cut.size() < 3 || cut.front() != '[' || cut.back() != ']') return {};
    auto to_n = [&](const std::string& t, bool low) -> size_t {
        if (t.empty()) return low ? 0 : s.size();
        if (t == "last") return s.empty() ? 0 : s.size() - 1;
        long n = 0;
        bool digits = !t.empty();
        size_t k = (t[0] == '-' || t[0] == '+') ? 1 : 0;
        if (k == t.size()) digits = false;
        for (size_t m = k; m < t.size() && digits; ++m) digits = t[m] >= '0' && t[m] <= '9';
        if (digits) {
            for (size_t m = k; m < t.size() && n < 1000000; ++m) n = n * 10 + (t[m] - '0');
            if (t[0] == '-') n = -n;
        }
        if (n < 0) n = 0;
        return std::min(size_t(n), s.size());
    };
    std::string ops = cut.substr(1, cut.size() - 2);
    size_t colon = ops.find(':');
    if (s.empty()) return {};
    if (colon == std::string::npos) {
        size_t n = to_n(ops, true);
        if (n >= s.size() || s[n].empty()) return {};
        return {s[n]};
    }
    std::string high = ops.substr(colon + 1);
    high = high.substr(0, high.find(':'));
    size_t a = to_n(ops.substr(0, colon), true), b = to_n(high, false);
    if (a > b) return {};
    return std::vector<std::string>(s.begin() + long(a), s.begin() + long(b));
}

std::string filename_of(const PageFile& f) {
    // pageToPermalinkFilename: a bundle's index is named by its folder.
    if (f.base_name == "index") {
        std::string dir = f.dir.empty() ? "" : f.dir.substr(0, f.dir.size() - 1);
        size_t s = dir.rfind('/');
        return s == std::string::npos ? dir : dir.substr(s + 1);
    }
    return f.base_name;
}

std::string attribute_value(std::string_view attr, const HugoPageFacts& page, const PageFile& f, bool keep_case,
                            bool is_term) {
    Civil d;
    if (page.date) d = Civil{page.date->year, page.date->month, page.date->day};
    std::string slug = trim(page.slug, "-");
    if (attr == "year") return std::to_string(d.year);
    if (attr == "month") return two_digits(d.month);
    if (attr == "monthname") return kMonths[(d.month - 1 + 12) % 12];
    if (attr == "day") return two_digits(d.day);
    if (attr == "weekday") return std::to_string(week_day(d));
    if (attr == "weekdayname") return kWeekdays[week_day(d)];
    if (attr == "yearday") return std::to_string(year_day(d));
    if (attr == "section") return f.section;
    std::string sections = current_section(page, f);
    if (attr == "sections") return sections;
    if (starts_with(attr, "sections")) {
        auto entries = sections.empty() ? std::vector<std::string>() : split(sections, '/');
        return path_join(slice_sections(attr.substr(8), entries));
    }
    std::string file_name = is_term ? "" : filename_of(f);
    if (attr == "title") return hugo_urlize(page.title, keep_case);
    if (attr == "slug") return hugo_urlize(slug.empty() ? page.title : slug, keep_case);
    if (attr == "slugorfilename") return hugo_urlize(slug.empty() ? file_name : slug, keep_case);
    if (attr == "filename") return hugo_urlize(file_name, keep_case);
    return "";
}

Result<std::string> expand(std::string_view pattern, const HugoPageFacts& page, const PageFile& f, bool keep_case,
                           bool is_term) {
    auto checked = hugo_permalink_check(pattern);
    if (!checked) return checked.error();
    std::string out(pattern);
    for (const std::string& token : pattern_tokens(pattern)) {
        std::string value = attribute_value(std::string_view(token).substr(1), page, f, keep_case, is_term);
        size_t at = out.find(token);
        if (at != std::string::npos) out.replace(at, token.size(), value);
    }
    return out;
}

const std::string* permalink_for(const HugoUrlOptions& options, std::string_view key) {
    for (const auto& [k, pattern] : options.permalinks)
        if (trim(k, " /") == key) return &pattern;
    return nullptr;
}

// createTargetPathDescriptor's expansion: the expanded pattern,
// query-unescaped; "" when there is no pattern or unescaping fails.
Result<std::string> expanded_permalink(const HugoPageFacts& page, const PageFile& f, const HugoUrlOptions& options,
                                       bool is_term) {
    const std::string* pattern = permalink_for(options, f.section);
    if (!pattern) return std::string();
    auto e = expand(*pattern, page, f, options.disable_path_to_lower, is_term);
    if (!e) return e.error();
    auto unescaped = unescape(e.value(), true);
    return unescaped ? *unescaped : std::string();
}

struct Descriptor {
    Kind kind = Kind::Page;
    std::vector<std::string> sections;
    std::string base_name, dir, url, expanded;
    bool ugly = false, keep_case = false;
};

// page_paths.go's CreateTargetPaths for the HTML output format, one language.
HugoPath create_target_paths(const Descriptor& d) {
    const std::string suffix = ".html", type_base = "index";
    std::string page_path = "/", link;
    bool needs_base = true;
    bool is_ugly = d.ugly;
    bool base_is_type = !d.base_name.empty() && d.base_name == type_base;
    if (d.expanded.empty() && base_is_type) is_ugly = true;
    auto is_html_index = [](std::string_view s) { return ends_with(s, "/index.html"); };

    if (d.kind != Kind::Page && d.url.empty() && !d.sections.empty()) {
        if (!d.expanded.empty()) {
            page_path = pjoin({page_path, d.expanded});
        } else {  // pjoin(d.Sections...)
            page_path = path_join(d.sections);
            if (ends_with(d.sections.back(), "/") && !ends_with(page_path, "/")) page_path += "/";
        }
        needs_base = false;
    }

    if (d.kind != Kind::Home && !d.url.empty()) {
        page_path = pjoin({page_path, d.url});
        link = page_path;
        bool has_dot = d.url.find('.') != std::string::npos;
        bool has_slash = ends_with(d.url, "/");
        if (has_slash || !has_dot) page_path = pjoin({page_path, type_base + suffix});
        if (!is_html_index(page_path)) link = page_path;
        else if (!has_slash) link += "/";
    } else if (d.kind == Kind::Page) {
        if (!d.expanded.empty()) {
            page_path = pjoin({page_path, d.expanded});
        } else {
            if (!d.dir.empty()) page_path = pjoin({page_path, d.dir});
            if (!d.base_name.empty()) page_path = pjoin({page_path, d.base_name});
        }
        link = page_path;
        if (base_is_type && ends_with(link, d.base_name)) link.resize(link.size() - d.base_name.size());
        link += "/";
        page_path = is_ugly ? add_suffix(page_path, suffix) : pjoin({page_path, type_base + suffix});
        if (!is_html_index(page_path)) link = page_path;
    } else {
        std::string base = (needs_base || !is_ugly) ? type_base : "";
        link = page_path;
        page_path = base.empty() ? add_suffix(page_path, suffix) : path_join({page_path, add_suffix(base, suffix)});
        if (!is_html_index(page_path)) link = page_path;
        else link += "/";
    }

    page_path = pjoin({"/", page_path});
    bool had_slash = ends_with(link, "/");
    link = trim(link, "/");
    if (had_slash) link += "/";
    if (!starts_with(link, "/")) link = "/" + link;
    if (d.kind != Kind::Page || d.url.empty()) {
        page_path = hugo_make_path(page_path, d.keep_case);
        link = hugo_make_path(link, d.keep_case);
    }
    return HugoPath{link.substr(1), page_path.substr(1)};
}

}  // namespace

Result<bool> hugo_permalink_check(std::string_view pattern) {
    // validate: the pattern without its first character, segment by segment.
    if (pattern.empty()) return permalink_error(pattern, "permalink ill-formed");
    auto fragments = split(pattern.substr(1), '/');
    bool bail = false;
    for (const auto& fragment : fragments) {
        if (bail) return permalink_error(pattern, "permalink ill-formed");
        if (fragment.empty()) {
            bail = true;
            continue;
        }
        for (const auto& token : pattern_tokens(fragment)) {
            if (known_attribute(std::string_view(token).substr(1))) continue;
            // validate reports any attribute it does not know as ill-formed
            if (looks_like_go_layout(std::string_view(token).substr(1)))
                return *check_attribute(pattern, std::string_view(token).substr(1));
            return permalink_error(pattern, "permalink ill-formed");
        }
    }
    // parse: the attributes of the whole pattern
    for (const auto& token : pattern_tokens(pattern))
        if (auto e = check_attribute(pattern, std::string_view(token).substr(1))) return *e;
    return true;
}

Result<std::string> hugo_permalink_expand(std::string_view pattern, const HugoPageFacts& page) {
    return expand(pattern, page, page_file(page.file), false, false);
}

Result<HugoPath> hugo_page_path(const HugoPageFacts& page, const HugoUrlOptions& options) {
    if (starts_with(page.url, "http://") || starts_with(page.url, "https://"))
        return Error{"url", "URLs with protocol (http*) not supported: \"" + page.url + "\". In page \"" +
                                page.file + "\""};
    PageFile f = page_file(page.file);
    Descriptor d;
    d.kind = f.kind;
    d.sections = f.kind == Kind::Page ? std::vector<std::string>{} : f.sections;
    d.dir = f.dir;
    d.url = page.url;
    d.ugly = options.ugly_urls;
    d.keep_case = options.disable_path_to_lower;
    std::string slug = trim(page.slug, "-");
    if (f.kind == Kind::Page) {
        std::string base = f.base_name;
        if (base != f.content_base) {  // a leaf bundle: named by its folder
            d.dir = f.dir.substr(0, f.dir.size() - f.content_base.size() - 1);
            base = f.content_base;
        }
        d.base_name = slug.empty() ? base : slug;
        auto e = expanded_permalink(page, f, options, false);
        if (!e) return e.error();
        d.expanded = e.value();
    } else {
        d.base_name = slug.empty() ? f.base_name : slug;
    }
    return create_target_paths(d);
}

Result<HugoPath> hugo_term_path(std::string_view plural, std::string_view term, const HugoUrlOptions& options) {
    std::string key = hugo_term_key(term, options.disable_path_to_lower);
    Descriptor d;
    d.kind = key.empty() ? Kind::Taxonomy : Kind::Term;
    d.sections = key.empty() ? std::vector<std::string>{std::string(plural)}
                             : std::vector<std::string>{std::string(plural), key};
    d.ugly = options.ugly_urls;
    d.keep_case = options.disable_path_to_lower;
    if (d.kind == Kind::Term) {
        HugoPageFacts facts;
        facts.title = std::string(term);
        PageFile f;
        f.section = std::string(plural);
        f.kind = Kind::Term;
        facts.current_section = std::string(plural) + "/" + key;
        auto e = expanded_permalink(facts, f, options, true);
        if (!e) return e.error();
        d.expanded = e.value();
    }
    return create_target_paths(d);
}

HugoPath hugo_taxonomy_path(std::string_view plural, const HugoUrlOptions& options) {
    Descriptor d;
    d.kind = Kind::Taxonomy;
    d.sections = {std::string(plural)};
    d.ugly = options.ugly_urls;
    d.keep_case = options.disable_path_to_lower;
    return create_target_paths(d);
}

std::string hugo_content_order_key(const HugoPageFacts& page) {
    PageFile f = page_file(page.file);
    std::string key;
    if (f.kind == Kind::Home) {
        key = "/";
    } else if (f.kind == Kind::Section) {
        key = "/" + f.bundle_path + "/";
    } else {
        std::string section = current_section(page, f);
        std::string below = f.bundle_path;
        if (!section.empty() && starts_with(below, section + "/")) below = below.substr(section.size() + 1);
        key = (section.empty() ? "/" : "/" + section + "/") + "__hb_" + below + "__hl_";
    }
    return lower(key);
}

}  // namespace blog::tool
