// HTML escaping: every string from the index or the Markdown goes through
// these where it lands in markup (text or a double-quoted attribute).
#pragma once

#include <string>
#include <string_view>

namespace blog {

// Appends `text` with & < > " ' replaced by character references.
void html_escape_append(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

// Appends a URL for an href/src attribute: percent-encodes bytes that are not
// URL-safe (as md4c-html does) and escapes '&'. Does not judge the scheme.
void url_escape_append(std::string& out, std::string_view url);

}  // namespace blog
