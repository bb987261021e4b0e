#include "core/i18n/i18n.hpp"

namespace blog {

const std::array<const char*, 6> kPluralFormNames = {"zero", "one", "two", "few", "many", "other"};

const std::array<UiTextField, 16> kUiTextFields = {{
    {"prev", &UiText::prev},
    {"next", &UiText::next},
    {"toc", &UiText::toc},
    {"home", &UiText::home},
    {"copy", &UiText::copy},
    {"archive", &UiText::archive},
    {"search", &UiText::search},
    {"tags", &UiText::tags},
    {"categories", &UiText::categories},
    {"page", &UiText::page},
    {"readingTime", nullptr, &UiText::reading_time},
    {"words", nullptr, &UiText::words},
    {"months", nullptr, nullptr, &DateNames::months},
    {"monthsShort", nullptr, nullptr, &DateNames::months_short},
    {"days", nullptr, nullptr, &DateNames::days},
    {"daysShort", nullptr, nullptr, &DateNames::days_short},
}};

namespace {

// The primary subtag, lower-cased: "pt" of "pt-BR".
std::string primary(std::string_view lang) {
    std::string out;
    for (char c : lang.substr(0, lang.find_first_of("-_"))) out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    return out;
}

bool one_of(const std::string& lang, std::initializer_list<std::string_view> list) {
    for (std::string_view l : list)
        if (lang == l) return true;
    return false;
}

// Each language's words, one "key=value" or "key.form=value" a line (as
// ui_text_set takes them), name lists separated by '|'. The words are
// PaperMod's (its i18n/, "{{ .Count }}" written "{n}"); the names are those
// Hugo 0.111.3's time.Format prints for the language (zh-tw: English, as
// Hugo prints it).
struct BuiltinLanguage {
    std::string_view lang;
    std::string_view text;
};
const BuiltinLanguage kBuiltin[] = {
    {"zh",
     "prev=上一页\n"
     "next=下一页\n"
     "readingTime.one=1 分钟\n"
     "readingTime.other={n} 分钟\n"
     "words.one=字\n"
     "words.other={n} 字\n"
     "toc=目录\n"
     "home=主页\n"
     "copy=复制\n"
     "months=一月|二月|三月|四月|五月|六月|七月|八月|九月|十月|十一月|十二月\n"
     "monthsShort=1月|2月|3月|4月|五月|6月|7月|8月|9月|10月|11月|12月\n"
     "days=星期日|星期一|星期二|星期三|星期四|星期五|星期六\n"
     "daysShort=周日|周一|周二|周三|周四|周五|周六"},
    {"zh-tw",
     "prev=上一頁\n"
     "next=下一頁\n"
     "readingTime.one=1 分鐘\n"
     "readingTime.other={n} 分鐘\n"
     "words.one=字\n"
     "words.other={n} 字\n"
     "toc=目錄\n"
     "home=首頁\n"
     "copy=複製"},
    {"ja",
     "prev=前のページ\n"
     "next=次のページ\n"
     "readingTime.one=1 分\n"
     "readingTime.other={n} 分\n"
     "words.one=文字\n"
     "words.other={n} 文字\n"
     "toc=目次\n"
     "home=ホーム\n"
     "copy=コピー\n"
     "months=1月|2月|3月|4月|5月|6月|7月|8月|9月|10月|11月|12月\n"
     "monthsShort=1月|2月|3月|4月|5月|6月|7月|8月|9月|10月|11月|12月\n"
     "days=日曜日|月曜日|火曜日|水曜日|木曜日|金曜日|土曜日\n"
     "daysShort=日|月|火|水|木|金|土"},
    {"ko",
     "prev=이전 페이지\n"
     "next=다음 페이지\n"
     "readingTime.one=1 분\n"
     "readingTime.other={n} 분\n"
     "words.one=단어\n"
     "words.other={n} 단어\n"
     "toc=목차\n"
     "home=홈\n"
     "copy=복사\n"
     "months=1월|2월|3월|4월|5월|6월|7월|8월|9월|10월|11월|12월\n"
     "monthsShort=1월|2월|3월|4월|5월|6월|7월|8월|9월|10월|11월|12월\n"
     "days=일요일|월요일|화요일|수요일|목요일|금요일|토요일\n"
     "daysShort=일|월|화|수|목|금|토"},
    {"fr",
     "prev=Page précédente\n"
     "next=Page suivante\n"
     "readingTime.one=1 min\n"
     "readingTime.other={n} min\n"
     "words.one=mot\n"
     "words.other={n} mots\n"
     "toc=Table des matières\n"
     "home=Accueil\n"
     "copy=Copier\n"
     "months=janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre\n"
     "monthsShort=janv.|févr.|mars|avr.|mai|juin|juil.|août|sept.|oct.|nov.|déc.\n"
     "days=dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi\n"
     "daysShort=dim.|lun.|mar.|mer.|jeu.|ven.|sam."},
    {"de",
     "prev=Vorherige\n"
     "next=Nächste\n"
     "readingTime.one=1 Minute\n"
     "readingTime.other={n} Minuten\n"
     "words.one=Wort\n"
     "words.other={n} Wörter\n"
     "toc=Inhaltsverzeichnis\n"
     "home=Home\n"
     "copy=Kopieren\n"
     "months=Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember\n"
     "monthsShort=Jan.|Feb.|März|Apr.|Mai|Juni|Juli|Aug.|Sept.|Okt.|Nov.|Dez.\n"
     "days=Sonntag|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag\n"
     "daysShort=So.|Mo.|Di.|Mi.|Do.|Fr.|Sa."},
    {"es",
     "prev=Anterior\n"
     "next=Siguiente\n"
     "readingTime.one=1 min\n"
     "readingTime.other={n} min\n"
     "words.one=palabra\n"
     "words.other={n} palabras\n"
     "toc=Tabla de Contenidos\n"
     "home=Inicio\n"
     "copy=copiar\n"
     "months=enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre\n"
     "monthsShort=ene.|feb.|mar.|abr.|mayo|jun.|jul.|ago.|sept.|oct.|nov.|dic.\n"
     "days=domingo|lunes|martes|miércoles|jueves|viernes|sábado\n"
     "daysShort=dom.|lun.|mar.|mié.|jue.|vie.|sáb."},
    {"pt",
     "prev=Página Anterior\n"
     "next=Próxima Página\n"
     "readingTime.one=1 minuto\n"
     "readingTime.other={n} minutos\n"
     "words.one=palavra\n"
     "words.other={n} palavras\n"
     "toc=Conteúdo\n"
     "home=Início\n"
     "copy=copiar\n"
     "months=janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro\n"
     "monthsShort=jan.|fev.|mar.|abr.|maio|jun.|jul.|ago.|set.|out.|nov.|dez.\n"
     "days=domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado\n"
     "daysShort=dom.|seg.|ter.|qua.|qui.|sex.|sáb."},
    {"ru",
     "prev=Предыдущая\n"
     "next=Следующая\n"
     "readingTime.zero=0 минут\n"
     "readingTime.one=1 минута\n"
     "readingTime.few={n} минуты\n"
     "readingTime.many={n} минут\n"
     "readingTime.other={n} минута\n"
     "words.zero=0 слов\n"
     "words.one=1 слово\n"
     "words.few={n} слова\n"
     "words.many={n} слов\n"
     "words.other={n} слово\n"
     "toc=Оглавление\n"
     "home=Главная\n"
     "copy=копировать\n"
     "months=января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря\n"
     "monthsShort=янв.|февр.|мар.|апр.|мая|июн.|июл.|авг.|сент.|окт.|нояб.|дек.\n"
     "days=воскресенье|понедельник|вторник|среда|четверг|пятница|суббота\n"
     "daysShort=вс|пн|вт|ср|чт|пт|сб"},
    {"fa",
     "prev=صفحه قبلی\n"
     "next=صفحه بعدی\n"
     "readingTime.one=۱ دقیقه\n"
     "readingTime.other={n} دقیقه\n"
     "toc=فهرست مطالب\n"
     "home=خانه\n"
     "copy=کپی\n"
     "months=ژانویهٔ|فوریهٔ|مارس|آوریل|مهٔ|ژوئن|ژوئیهٔ|اوت|سپتامبر|اکتبر|نوامبر|دسامبر\n"
     "monthsShort=ژانویهٔ|فوریهٔ|مارس|آوریل|مهٔ|ژوئن|ژوئیهٔ|اوت|سپتامبر|اکتبر|نوامبر|دسامبر\n"
     "days=یکشنبه|دوشنبه|سه‌شنبه|چهارشنبه|پنجشنبه|جمعه|شنبه\n"
     "daysShort=یکشنبه|دوشنبه|سه‌شنبه|چهارشنبه|پنجشنبه|جمعه|شنبه"},
    {"ar",
     "prev=السابق\n"
     "next=التالي\n"
     "readingTime.zero=الآن\n"
     "readingTime.one=دقيقة واحدة\n"
     "readingTime.two=دقيقتان\n"
     "readingTime.few=بضع ثوان\n"
     "readingTime.other=دقائق {n}\n"
     "toc=فهرس المحتوى\n"
     "home=الصفحة الرئيسية\n"
     "copy=نسخ الكود\n"
     "months=يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر\n"
     "monthsShort=يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر\n"
     "days=الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت\n"
     "daysShort=الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت"},
    {"he",
     "prev=קודם\n"
     "next=הבא\n"
     "readingTime.one=דקה אחת\n"
     "readingTime.other=דקות {n}\n"
     "words.one=word\n"
     "words.other=מילים {n}\n"
     "toc=תוכן העניינים\n"
     "home=בית\n"
     "copy=העתק\n"
     "months=ינואר|פברואר|מרץ|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר\n"
     "monthsShort=ינו׳|פבר׳|מרץ|אפר׳|מאי|יוני|יולי|אוג׳|ספט׳|אוק׳|נוב׳|דצמ׳\n"
     "days=יום ראשון|יום שני|יום שלישי|יום רביעי|יום חמישי|יום שישי|יום שבת\n"
     "daysShort=יום א׳|יום ב׳|יום ג׳|יום ד׳|יום ה׳|יום ו׳|שבת"},
};

}  // namespace

PluralForm i18n_plural_form(std::string_view lang_tag, long long n) {
    const std::string lang = primary(lang_tag);
    const long long a = n < 0 ? -n : n, m10 = a % 10, m100 = a % 100;
    if (one_of(lang, {"zh", "ja", "ko", "vi", "th", "id", "ms", "my", "lo", "km", "yue"})) return PluralForm::Other;
    if (one_of(lang, {"fr", "pt", "fa", "hi", "bn", "gu", "kn", "zu", "am"}))
        return a <= 1 ? PluralForm::One : PluralForm::Other;
    if (one_of(lang, {"ru", "uk", "be", "pl"})) {
        if (m10 == 1 && m100 != 11) return lang == "pl" && a != 1 ? PluralForm::Many : PluralForm::One;
        if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return PluralForm::Few;
        return PluralForm::Many;
    }
    if (one_of(lang, {"cs", "sk"})) return a == 1 ? PluralForm::One : a >= 2 && a <= 4 ? PluralForm::Few : PluralForm::Other;
    if (lang == "ar") {
        if (a <= 2) return PluralForm(a);  // zero, one, two
        return m100 >= 3 && m100 <= 10 ? PluralForm::Few : m100 >= 11 ? PluralForm::Many : PluralForm::Other;
    }
    if (lang == "he") return a == 1 ? PluralForm::One : a == 2 ? PluralForm::Two : PluralForm::Other;
    return a == 1 ? PluralForm::One : PluralForm::Other;
}

std::string i18n_count(std::string_view text, long long n) {
    std::string out;
    for (size_t at = 0;;) {
        const size_t hole = text.find("{n}", at);
        out.append(text.substr(at, hole - at));
        if (hole == std::string_view::npos) return out;
        out += std::to_string(n);
        at = hole + 3;
    }
}

std::string i18n_plural(const PluralText& text, std::string_view lang, long long n) {
    const std::string& own = text.forms[size_t(i18n_plural_form(lang, n))];
    return i18n_count(own.empty() ? text.forms[size_t(PluralForm::Other)] : own, n);
}

bool i18n_rtl(std::string_view lang) {
    return one_of(primary(lang), {"ar", "fa", "he", "iw", "ur", "ps", "sd", "ckb", "yi", "dv", "ug"});
}

bool i18n_form_of(std::string_view name, PluralForm& out) {
    for (size_t i = 0; i < kPluralFormNames.size(); ++i)
        if (name == kPluralFormNames[i]) {
            out = PluralForm(i);
            return true;
        }
    return false;
}

bool ui_text_set(UiText& text, std::string_view key, std::string_view form, std::string_view value) {
    for (const UiTextField& f : kUiTextFields) {
        if (key != f.key) continue;
        if (f.text) {
            text.*f.text = std::string(value);
            return form.empty();
        }
        if (f.plural) {
            PluralText& p = text.*f.plural;
            PluralForm which;
            if (form.empty()) {  // one text whatever the number
                for (std::string& s : p.forms) s.clear();
                p.forms[size_t(PluralForm::Other)] = std::string(value);
                return true;
            }
            if (!i18n_form_of(form, which)) return false;
            p.forms[size_t(which)] = std::string(value);
            return true;
        }
        std::vector<std::string> names;
        for (size_t at = 0;;) {
            const size_t bar = value.find('|', at);
            names.emplace_back(value.substr(at, bar - at));
            if (bar == std::string_view::npos) break;
            at = bar + 1;
        }
        const size_t want = (f.names == &DateNames::months || f.names == &DateNames::months_short) ? 12 : 7;
        if (!form.empty() || names.size() != want) return false;
        text.dates.*f.names = std::move(names);
        return true;
    }
    return false;
}

UiText i18n_builtin(std::string_view lang_tag, bool* known) {
    std::string lang;
    for (char c : lang_tag) lang.push_back(c == '_' ? '-' : c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    if (lang == "zh-hant" || lang.rfind("zh-hant-", 0) == 0 || lang == "zh-hk" || lang == "zh-mo") lang = "zh-tw";
    if (lang != "zh-tw") lang = primary(lang);
    UiText text;
    if (known) *known = lang == "en";
    for (const BuiltinLanguage& b : kBuiltin) {
        if (b.lang != lang) continue;
        if (known) *known = true;
        for (size_t at = 0; at < b.text.size();) {
            size_t end = b.text.find('\n', at);
            if (end == std::string_view::npos) end = b.text.size();
            const std::string_view line = b.text.substr(at, end - at);
            const size_t eq = line.find('=');
            std::string_view key = line.substr(0, eq), form;
            if (const size_t dot = key.find('.'); dot != std::string_view::npos) form = key.substr(dot + 1), key = key.substr(0, dot);
            ui_text_set(text, key, form, line.substr(eq + 1));
            at = end + 1;
        }
    }
    return text;
}

}  // namespace blog
