// The site's words in one of its languages, resolved as Hugo resolves a
// PaperMod site's i18n: the site's own i18n/<lang>.{yaml,yml,toml,json}
// first, then each theme's (themes/<theme>/i18n/), then our own table
// (core/i18n), English last; key by key. The index writer puts what differs
// from English in the index's "i18n", so the widget never carries the table.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/i18n/i18n.hpp"
#include "tool/front_matter.hpp"

namespace blog::tool {

// `lang`: the language's key ("zh", "zh-cn": its file is i18n/zh-cn.yaml,
// else i18n/zh.yaml). Only PaperMod's ids are read (prev_page, next_page,
// read_time, words, toc, home, code_copy); "{{ .Count }}" becomes "{n}".
// A file that cannot be read or parsed is an error at its line in
// `problems`; the rest of it stays as the layers below say.
UiText site_i18n_read(const std::filesystem::path& site_dir, const std::vector<std::string>& themes,
                      const std::string& lang, const std::string& shown_dir, std::vector<Problem>& problems);

}  // namespace blog::tool
