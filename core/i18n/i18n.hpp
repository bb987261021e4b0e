// The blog's language: the interface's words (PaperMod's strings and our
// screens' headings), month and weekday names, the plural form a number
// takes, and the writing direction. UiText is what the screens use (English
// unless the index's "i18n" says otherwise); the table of our own languages
// (i18n_builtin) is for the native tool, which writes a site's words into its
// index: nothing the widget links calls it, so the table stays out of the
// wasm engines.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/date/date.hpp"

namespace blog {

// CLDR's plural categories, as go-i18n (Hugo's i18n) names them.
enum class PluralForm { Zero, One, Two, Few, Many, Other };

// A text that depends on a number: one per form, "{n}" standing for the
// number; a form left "" is `other`'s.
struct PluralText {
    std::array<std::string, 6> forms;
};

// The words the screens write. Each field's index key is in kUiTextFields.
struct UiText {
    std::string prev = "Prev";                // the list's "« Prev", the post's previous link
    std::string next = "Next";                // "Next »"
    std::string toc = "Table of Contents";
    std::string home = "Home";                // the breadcrumbs' first entry
    std::string copy = "copy";                // a code block's copy button
    std::string archive = "Archive";          // the menu's default entries and their screens' headings
    std::string search = "Search";
    std::string tags = "Tags";
    std::string categories = "Categories";
    std::string page = "Page {n}";            // a list page's title after the first
    PluralText reading_time{{"", "", "", "", "", "{n} min"}};
    PluralText words{{"", "{n} word", "", "", "", "{n} words"}};
    DateNames dates;                          // empty lists: English
};

// The index's key of each text field of UiText ("prev", "readingTime"...).
struct UiTextField {
    const char* key;
    std::string UiText::*text = nullptr;   // a plain text, or
    PluralText UiText::*plural = nullptr;  // a plural one, or
    std::vector<std::string> DateNames::*names = nullptr;  // a list of 12 or 7 names
};
extern const std::array<UiTextField, 16> kUiTextFields;

// The form `n` takes in `lang` (a BCP 47 tag; its first subtag decides):
// CLDR's cardinal rules for integers (en, de, es, it, nl…: one for 1; fr,
// pt, fa, hi: one for 0 and 1; ru, uk, be, pl, cs: one/few/many; ar: all
// six; zh, ja, ko, vi, th, id: other only). Unknown languages follow English.
PluralForm i18n_plural_form(std::string_view lang, long long n);

// The text for `n`: its form's, else other's, "{n}" replaced by n.
std::string i18n_plural(const PluralText& text, std::string_view lang, long long n);

// "{n}" in `text` replaced by n.
std::string i18n_count(std::string_view text, long long n);

// True for a language written right to left (ar, fa, he, ur, ps, sd, ckb, yi, dv).
bool i18n_rtl(std::string_view lang);

// Our own table: the words and date names of `lang` (zh-CN, zh-hans: zh;
// zh-TW, zh-hant: zh-tw; pt-BR: pt…), English where the table has none.
// PaperMod's translations (its i18n/) and the names Hugo 0.111.3 prints.
// `known` is set to whether the table has the language.
UiText i18n_builtin(std::string_view lang, bool* known = nullptr);

// Sets the field named `key` (an index key of kUiTextFields) from `value`:
// a plain text; a plural text's `form` ("one", "other"…; "" for all of them);
// a name list from names separated by '|'. False when the key, the form or
// the number of names is not one UiText has.
bool ui_text_set(UiText& text, std::string_view key, std::string_view form, std::string_view value);

// The form named "zero"…"other", or false.
bool i18n_form_of(std::string_view name, PluralForm& out);
extern const std::array<const char*, 6> kPluralFormNames;

}  // namespace blog
