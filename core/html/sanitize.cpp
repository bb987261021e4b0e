#include "core/html/sanitize.hpp"

#include "core/html/escape.hpp"

// Placeholder until the allowlist lands: every byte is shown as text.
namespace blog {

struct HtmlSanitizer::State {
    SanitizeUrlFilter url_filter;
    size_t dropped = 0;
};

HtmlSanitizer::HtmlSanitizer(SanitizeUrlFilter url_filter) : state_(new State{std::move(url_filter), 0}) {}
HtmlSanitizer::~HtmlSanitizer() { delete state_; }

void HtmlSanitizer::feed(std::string_view chunk, std::string& out) { html_escape_append(out, chunk); }
void HtmlSanitizer::finish(std::string&) {}
size_t HtmlSanitizer::dropped() const { return state_->dropped; }

std::string html_sanitize(std::string_view html, const SanitizeUrlFilter& url_filter, size_t* dropped) {
    HtmlSanitizer s(url_filter);
    std::string out;
    s.feed(html, out);
    s.finish(out);
    if (dropped) *dropped = s.dropped();
    return out;
}

}  // namespace blog
