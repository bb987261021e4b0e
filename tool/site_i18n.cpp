#include "tool/site_i18n.hpp"

#include <system_error>

#include "tool/data_tree.hpp"
#include "tool/site_files.hpp"

namespace blog::tool {

namespace fs = std::filesystem;

namespace {

// PaperMod's ids and the index's keys for them.
constexpr std::pair<std::string_view, std::string_view> kPaperModIds[] = {
    {"prev_page", "prev"}, {"next_page", "next"}, {"read_time", "readingTime"}, {"words", "words"},
    {"toc", "toc"},        {"home", "home"},      {"code_copy", "copy"}};

// go-i18n's "{{ .Count }}" (any spacing) as "{n}".
std::string count_holes(std::string_view text) {
    std::string out;
    for (size_t at = 0;;) {
        const size_t open = text.find("{{", at);
        if (open == std::string_view::npos) return out.append(text.substr(at));
        const size_t close = text.find("}}", open);
        if (close == std::string_view::npos) return out.append(text.substr(at));
        std::string_view inner = text.substr(open + 2, close - open - 2);
        while (!inner.empty() && (inner.front() == ' ' || inner.front() == '-')) inner.remove_prefix(1);
        while (!inner.empty() && (inner.back() == ' ' || inner.back() == '-')) inner.remove_suffix(1);
        out.append(text.substr(at, open - at));
        if (inner == ".Count") out += "{n}";
        else out.append(text.substr(open, close + 2 - open));
        at = close + 2;
    }
}

// One id's translation (a text, or a map of plural forms) onto `text`.
void apply(UiText& text, std::string_view id, const DataValue& t) {
    std::string_view key;
    for (const auto& [paper, ours] : kPaperModIds)
        if (id == paper) key = ours;
    if (key.empty()) return;
    if (t.kind == DataValue::Kind::String || t.kind == DataValue::Kind::Number) {
        ui_text_set(text, key, {}, count_holes(t.text));
    } else if (t.kind == DataValue::Kind::Map) {
        ui_text_set(text, key, {}, "");  // this file's forms replace the layers' below
        for (const auto& [form, v] : t.entries)
            if (v.kind == DataValue::Kind::String) ui_text_set(text, key, form, count_holes(v.text));
    }
}

// A file in Hugo's i18n formats: [{id, translation}] or {id: translation}
// (translation: a text, or {one, other…}; also {id: {other: …}}).
void apply_file(UiText& text, const DataValue& root) {
    const DataValue* list = root.find("i18n-list");
    if (list && list->kind == DataValue::Kind::List) {
        for (const DataValue& e : list->items) {
            const DataValue* id = e.find("id");
            const DataValue* t = e.find("translation");
            if (id && t && id->kind == DataValue::Kind::String) apply(text, id->text, *t);
        }
        return;
    }
    for (const auto& [id, t] : root.entries) apply(text, id, t);
}

// The layer of one i18n folder: <lang>.*, else its primary subtag's.
void read_folder(UiText& text, const fs::path& folder, const std::string& shown_folder, const std::string& lang,
                 std::vector<Problem>& problems) {
    std::vector<std::string> names{lang};
    if (const size_t dash = lang.find('-'); dash != std::string::npos) names.push_back(lang.substr(0, dash));
    for (const std::string& name : names)
        for (const auto& [ext, format] : {std::pair{".yaml", DataFormat::Yaml}, {".yml", DataFormat::Yaml},
                                          {".toml", DataFormat::Toml}, {".json", DataFormat::Json}}) {
            const fs::path path = folder / (name + ext);
            std::error_code ec;
            if (!fs::is_regular_file(path, ec)) continue;
            const std::string shown = shown_folder + "/" + name + ext;
            std::string body, error;
            if (!site_file_read(path, 1 << 20, "an i18n file", body, error)) {
                problems.push_back({shown, 0, error});
                return;
            }
            // Hugo's list form has a list at the top: given a key, as data_parse wants a map.
            std::string text_in = body;
            size_t first = body.find_first_not_of(" \t\r\n");
            bool shifted = false;
            if (first != std::string::npos && (body[first] == '-' || body[first] == '[') && format != DataFormat::Toml) {
                if (format == DataFormat::Json) {
                    text_in = "{\"i18n-list\": " + body + "\n}";
                } else {
                    text_in = "i18n-list:\n";
                    for (size_t at = 0; at < body.size();) {
                        size_t end = body.find('\n', at);
                        if (end == std::string::npos) end = body.size();
                        text_in += "  " + body.substr(at, end - at) + "\n";
                        at = end + 1;
                    }
                    shifted = true;
                }
            }
            DataParse parsed = data_parse(text_in, format);
            if (!parsed.ok) {
                problems.push_back({shown, parsed.error.line - (shifted && parsed.error.line > 1 ? 1 : 0),
                                    parsed.error.message});
                return;
            }
            apply_file(text, parsed.value);
            return;  // one file per folder, as Hugo takes the first
        }
}

}  // namespace

UiText site_i18n_read(const fs::path& site_dir, const std::vector<std::string>& themes, const std::string& lang_key,
                      const std::string& shown_dir, std::vector<Problem>& problems) {
    std::string lang;
    for (char c : lang_key) lang.push_back(c == '_' ? '-' : char(std::tolower(static_cast<unsigned char>(c))));
    UiText text = i18n_builtin(lang);
    // Hugo 0.111.3's time.Format names months and days through its locales,
    // which know "zh", "zh-hans" and "zh-hant" but not "zh-cn", "zh-tw" or
    // "zh-hk": those print English names (checked with the oracle: July 24,
    // 2022), while "pt-br", "fr-fr", "ko-kr"… are localised.
    if (lang.rfind("zh-", 0) == 0 && lang != "zh-hans" && lang != "zh-hant") text.dates = UiText{}.dates;
    // The first theme named wins over the later ones (Hugo's order): applied last.
    for (auto it = themes.rbegin(); it != themes.rend(); ++it)
        read_folder(text, site_dir / "themes" / *it / "i18n", shown_dir + "/themes/" + *it + "/i18n", lang, problems);
    read_folder(text, site_dir / "i18n", shown_dir + "/i18n", lang, problems);
    return text;
}

}  // namespace blog::tool
