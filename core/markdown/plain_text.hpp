// A post as plain text, counted as Hugo counts it: the word count, the
// reading time and the automatic summary (Hugo 0.111's helpers.TotalWords,
// TruncateWordsToWholeSentence and TruncateWordsByRune over the page's
// .Plain, and the isCJKLanguage rules of hugolib/page__per_output.go). The
// Markdown renderer feeds it what the HTML shows, in order; the widget and
// the native tool both get their numbers from here, so they agree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace blog {

struct PlainTextRules {
    // Hugo's isCJKLanguage: each character of a word that is not all ASCII
    // counts as a word, reading is 501 words a minute (else 213), and the
    // summary is cut by characters, not at a sentence's end.
    bool cjk = false;
    size_t summary_words = 70;  // summaryLength
    // The source holds "<!--more-->": the summary is everything before it
    // (when the renderer meets it; else the automatic one).
    bool more_ahead = false;
};

// A stretch of a post's plain text from one heading to the next (the text
// before the first heading has an empty id and heading): what full-text
// search indexes and quotes (core/search/fulltext.hpp). Whitespace runs are
// single spaces, trimmed; code blocks' text is in the body, as the page shows it.
struct TextSection {
    std::string heading_id;    // the heading's id (its anchor), "" for the text before the first heading
    std::string heading_text;  // the heading's plain text
    std::string text;          // the body's plain text up to the next heading
};

class PlainText {
public:
    explicit PlainText(const PlainTextRules& rules);

    // Opt-in: the text is also kept by section (sections()), which costs a
    // copy of the post's text. Call before the first text().
    void collect_sections() { sections_.emplace_back(); collect_sections_ = true; }
    // A heading opens: its text goes to the next section's heading_text.
    void heading_open();
    // The heading closed with this id: a new section starts.
    void heading_close(std::string_view id);
    // The sections collected (empty unless collect_sections()); the first
    // one is the text before the first heading, possibly empty.
    std::vector<TextSection>& sections() { return sections_; }

    // Text as the page shows it (code included, image alt text not).
    void text(const char* s, size_t n);
    // Whitespace the HTML has between blocks, or a soft line break.
    void space() { whitespace(' '); }
    // A paragraph's end or a hard line break: Hugo's .Plain has a newline
    // there, which ends a sentence for the summary.
    void line_break() { whitespace('\n'); }
    // <!--more-->: the summary is what came before; the rest is counted.
    void more();
    // An HTML block of the post, as written: one that holds only
    // <!--more--> (blanks around it) is the marker.
    void html_block(std::string_view html);
    // The text has ended.
    void finish();

    size_t words() const { return words_; }
    size_t reading_minutes() const;
    // Whitespace runs as single spaces, trimmed.
    const std::string& summary() const { return summary_; }
    bool truncated() const { return truncated_; }

private:
    void whitespace(char kind);
    void section_text(const char* s, size_t n);
    void word_start();
    void word_end();

    PlainTextRules rules_;
    size_t words_ = 0;
    bool in_word_ = false;
    bool in_space_ = false;
    // The word being read, for the CJK count (its characters, and whether
    // one is not ASCII).
    size_t word_chars_ = 0;
    bool word_wide_ = false;
    // Hugo's .Plain while the summary may still need it: whitespace runs as
    // one ' ' or '\n' (the run's first).
    std::string plain_;
    bool collecting_ = true;
    size_t spaces_ = 0;         // whitespace runs in plain_
    bool sentence_ = false;     // past summary_words runs: seeking a sentence's end
    bool after_ = false;        // text came after what plain_ holds
    bool more_seen_ = false;
    std::string summary_;
    bool truncated_ = false;
    size_t words_at_more_ = 0;
    bool collect_sections_ = false;
    bool in_heading_ = false;
    std::string heading_;  // the open heading's text
    std::vector<TextSection> sections_;
};

// Hugo's automatic summaries over a .Plain text (whitespace runs collapsed
// to their first character). `more_follows`: the text goes on after `plain`.
// TruncateWordsToWholeSentence: the first `words` whitespace runs, then on
// to the next '.', '?', '!' or newline; the whole text when there is none.
struct PlainSummary {
    std::string text;
    bool truncated = false;
};
PlainSummary plain_summary_sentence(std::string_view plain, size_t words, bool more_follows);
// TruncateWordsByRune: words of all-ASCII count one, others one per
// character, cut inside a word when it would go over.
PlainSummary plain_summary_runes(std::string_view plain, size_t words, bool more_follows);

// Whether `text` holds "<!--more-->" anywhere (PlainTextRules::more_ahead).
bool text_has_more_marker(std::string_view text);

// Hugo's detection of a CJK page (hasCJKLanguage): the text has a character
// of the Han, Hangul, Hiragana or Katakana scripts.
bool text_has_cjk(std::string_view text);

// The byte length of the Unicode whitespace character (Go's unicode.IsSpace)
// at text[i], or 0 when there is none.
size_t unicode_space_at(std::string_view text, size_t i);

}  // namespace blog
