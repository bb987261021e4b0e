#include <catch2/catch.hpp>

#include "core/date/date.hpp"
#include "core/i18n/i18n.hpp"
#include "tests/support.hpp"

using namespace blog;

namespace {

// What Hugo 0.111.3 prints for `layout` with time.Format in `lang`.
std::string in(const char* lang, const char* date, const char* layout) {
    return date_format_layout(test::parsed_date(date), layout, i18n_builtin(lang).dates);
}

const char* const kJuly = "2022-07-24T21:42:07-07:00";  // a Sunday
const char* const kJanuary = "2023-01-05T08:04:09+02:00";  // a Thursday

}  // namespace

TEST_CASE("i18n: each Go layout verb writes what Hugo's time.Format writes") {
    const Timestamp july = test::parsed_date(kJuly), january = test::parsed_date(kJanuary);
    // Hugo 0.111.3, English, the same two dates.
    CHECK(date_format_layout(july, "January 2, 2006") == "July 24, 2022");
    CHECK(date_format_layout(january, "Jan 2, 2006") == "Jan 5, 2023");
    CHECK(date_format_layout(july, "Monday, January 2, 2006") == "Sunday, July 24, 2022");
    CHECK(date_format_layout(july, "Mon 02 Jan 06 15:04 PM") == "Sun 24 Jul 22 21:42 PM");
    CHECK(date_format_layout(january, "Mon 02 Jan 06 15:04 PM") == "Thu 05 Jan 23 08:04 AM");
    CHECK(date_format_layout(july, "2006-01-02") == "2022-07-24");
    CHECK(date_format_layout(july, "_2 1 06 3:4:5 pm MST -0700 Z07:00") == "24 7 22 9:42:7 pm -0700 -0700 -07:00");
    CHECK(date_format_layout(january, "_2 1 06 3:4:5 pm MST -0700 Z07:00") == " 5 1 23 8:4:9 am +0200 +0200 +02:00");
    SECTION("12-hour clock, zones, fractions") {
        CHECK(date_format_layout(test::parsed_date("2022-07-24T00:05:00Z"), "03:04 PM Z07:00 MST -07") == "12:05 AM Z UTC +00");
        CHECK(date_format_layout(test::parsed_date("2022-07-24T12:00:00.25+05:30"), "15:04:05.000 .999 -07:00") ==
              "12:00:00.250 .25 +05:30");  // Go's fraction verbs
        CHECK(date_format_layout(test::parsed_date("2022-07-24T12:00:00+05:30"), "05.999|05.00") == "00|00.00");
    }
    SECTION("text that is not a verb is copied") {
        CHECK(date_format_layout(july, "Posted: 2006/01/02 (week)") == "Posted: 2022/07/24 (week)");
        CHECK(date_format_layout(july, "") == "");
    }
    SECTION("a date-only post is midnight UTC") {
        CHECK(date_format_layout(test::parsed_date("2024-02-29"), "Mon Jan _2 15:04:05 MST 2006") == "Thu Feb 29 00:00:00 UTC 2024");
    }
}

TEST_CASE("i18n: month and weekday names are those Hugo 0.111.3 prints for zh, ja, ko, fr, de") {
    // The oracle: hugo 0.111.3, time.Format with the layout, in a site of each language.
    CHECK(in("zh", kJuly, "January 2, 2006") == "七月 24, 2022");
    CHECK(in("zh", kJanuary, "Jan 2, 2006") == "1月 5, 2023");
    CHECK(in("zh", kJuly, "Monday, January 2, 2006") == "星期日, 七月 24, 2022");
    CHECK(in("zh", kJuly, "Mon 02 Jan 06 15:04 PM") == "周日 24 7月 22 21:42 PM");
    CHECK(in("zh-CN", kJuly, "January 2, 2006") == "七月 24, 2022");
    CHECK(in("ja", kJuly, "Monday, January 2, 2006") == "日曜日, 7月 24, 2022");
    CHECK(in("ja", kJanuary, "Mon 02 Jan 06 15:04 PM") == "木 05 1月 23 08:04 AM");
    CHECK(in("ko", kJuly, "Monday, January 2, 2006") == "일요일, 7월 24, 2022");
    CHECK(in("ko", kJanuary, "Mon 02 Jan 06 15:04 PM") == "목 05 1월 23 08:04 AM");
    CHECK(in("fr", kJuly, "Monday, January 2, 2006") == "dimanche, juillet 24, 2022");
    CHECK(in("fr", kJanuary, "Mon 02 Jan 06 15:04 PM") == "jeu. 05 janv. 23 08:04 AM");
    CHECK(in("de", kJuly, "Monday, January 2, 2006") == "Sonntag, Juli 24, 2022");
    CHECK(in("de", kJanuary, "Mon 02 Jan 06 15:04 PM") == "Do. 05 Jan. 23 08:04 AM");
    CHECK(in("es", kJanuary, "Jan 2, 2006") == "ene. 5, 2023");
    CHECK(in("pt-BR", kJanuary, "Monday, January 2, 2006") == "quinta-feira, janeiro 5, 2023");
    CHECK(in("ru", kJuly, "January 2, 2006") == "июля 24, 2022");
    CHECK(in("fa", kJuly, "Monday, January 2, 2006") == "یکشنبه, ژوئیهٔ 24, 2022");
    CHECK(in("ar", kJanuary, "Mon 02 Jan 06 15:04 PM") == "الخميس 05 يناير 23 08:04 AM");
    SECTION("a language the table does not have, and zh-TW (Hugo 0.111.3 prints English for it), stay English") {
        bool known = true;
        CHECK(date_format_layout(test::parsed_date(kJuly), "January 2, 2006", i18n_builtin("xx", &known).dates) == "July 24, 2022");
        CHECK_FALSE(known);
        CHECK(in("zh-TW", kJuly, "January 2, 2006") == "July 24, 2022");
        CHECK(i18n_builtin("zh-Hant").next == "下一頁");
    }
}

TEST_CASE("i18n: PaperMod's words in each language of the table") {
    CHECK(i18n_builtin("zh").next == "下一页");
    CHECK(i18n_builtin("zh").prev == "上一页");
    CHECK(i18n_builtin("zh").toc == "目录");
    CHECK(i18n_builtin("ja").home == "ホーム");
    CHECK(i18n_builtin("ko").next == "다음 페이지");
    CHECK(i18n_builtin("fr").toc == "Table des matières");
    CHECK(i18n_builtin("de").copy == "Kopieren");
    CHECK(i18n_builtin("es").prev == "Anterior");
    CHECK(i18n_builtin("pt").home == "Início");
    CHECK(i18n_builtin("ru").toc == "Оглавление");
    CHECK(i18n_builtin("fa").next == "صفحه بعدی");
    CHECK(i18n_builtin("ar").prev == "السابق");
    CHECK(i18n_builtin("en").next == "Next");
    for (const char* lang : {"zh", "zh-tw", "ja", "ko", "fr", "de", "es", "pt", "ru", "fa", "ar", "he"}) {
        bool known = false;
        const UiText t = i18n_builtin(lang, &known);
        INFO(lang);
        CHECK(known);
        CHECK(t.next != "Next");
        CHECK(t.toc != "Table of Contents");
    }
}

TEST_CASE("i18n: a count takes its language's plural form") {
    SECTION("the rules") {
        CHECK(i18n_plural_form("en", 1) == PluralForm::One);
        CHECK(i18n_plural_form("en", 0) == PluralForm::Other);
        CHECK(i18n_plural_form("en-US", 2) == PluralForm::Other);
        CHECK(i18n_plural_form("fr", 0) == PluralForm::One);
        CHECK(i18n_plural_form("fr", 2) == PluralForm::Other);
        CHECK(i18n_plural_form("zh", 1) == PluralForm::Other);
        CHECK(i18n_plural_form("ja", 1) == PluralForm::Other);
        CHECK(i18n_plural_form("ru", 1) == PluralForm::One);
        CHECK(i18n_plural_form("ru", 21) == PluralForm::One);
        CHECK(i18n_plural_form("ru", 11) == PluralForm::Many);
        CHECK(i18n_plural_form("ru", 3) == PluralForm::Few);
        CHECK(i18n_plural_form("ru", 13) == PluralForm::Many);
        CHECK(i18n_plural_form("ru", 25) == PluralForm::Many);
        CHECK(i18n_plural_form("ar", 0) == PluralForm::Zero);
        CHECK(i18n_plural_form("ar", 2) == PluralForm::Two);
        CHECK(i18n_plural_form("ar", 5) == PluralForm::Few);
        CHECK(i18n_plural_form("ar", 11) == PluralForm::Many);
        CHECK(i18n_plural_form("ar", 100) == PluralForm::Other);
    }
    SECTION("the texts, as Hugo and PaperMod print them") {
        CHECK(i18n_plural(i18n_builtin("zh").reading_time, "zh", 1) == "1 分钟");
        CHECK(i18n_plural(i18n_builtin("zh").reading_time, "zh", 7) == "7 分钟");
        CHECK(i18n_plural(i18n_builtin("de").reading_time, "de", 1) == "1 Minute");
        CHECK(i18n_plural(i18n_builtin("de").reading_time, "de", 4) == "4 Minuten");
        CHECK(i18n_plural(i18n_builtin("fr").words, "fr", 1) == "mot");
        CHECK(i18n_plural(i18n_builtin("fr").words, "fr", 250) == "250 mots");
        CHECK(i18n_plural(i18n_builtin("ru").reading_time, "ru", 3) == "3 минуты");
        CHECK(i18n_plural(i18n_builtin("ru").reading_time, "ru", 5) == "5 минут");
        CHECK(i18n_plural(UiText{}.reading_time, "en", 1) == "1 min");
        CHECK(i18n_plural(UiText{}.words, "en", 1) == "1 word");
        CHECK(i18n_plural(UiText{}.words, "en", 2) == "2 words");
    }
    SECTION("a form the text lacks is other's") {
        PluralText t;
        t.forms[size_t(PluralForm::Other)] = "{n} x {n}";
        CHECK(i18n_plural(t, "ru", 3) == "3 x 3");
    }
}

TEST_CASE("i18n: ar, fa, he and ur are written right to left") {
    for (const char* lang : {"ar", "fa", "he", "ur", "fa-IR", "ar_EG", "AR"}) CHECK(i18n_rtl(lang));
    for (const char* lang : {"en", "zh", "fr", "ja", "arn", "", "hebrew"}) CHECK_FALSE(i18n_rtl(lang));
}

TEST_CASE("i18n: ui_text_set takes only the keys, forms and name counts UiText has") {
    UiText t;
    CHECK(ui_text_set(t, "next", "", "Suivant"));
    CHECK(t.next == "Suivant");
    CHECK(ui_text_set(t, "readingTime", "one", "une minute"));
    CHECK(i18n_plural(t.reading_time, "fr", 1) == "une minute");
    CHECK(ui_text_set(t, "readingTime", "", "{n}′"));  // one text for every count
    CHECK(i18n_plural(t.reading_time, "fr", 1) == "1′");
    CHECK_FALSE(ui_text_set(t, "nope", "", "x"));
    CHECK_FALSE(ui_text_set(t, "readingTime", "several", "x"));
    CHECK_FALSE(ui_text_set(t, "next", "one", "x"));
    CHECK_FALSE(ui_text_set(t, "months", "", "a|b|c"));
    CHECK(ui_text_set(t, "days", "", "1|2|3|4|5|6|7"));
    CHECK(date_format_layout(test::parsed_date(kJuly), "Monday", t.dates) == "1");
}
