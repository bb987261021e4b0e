/* md2html against the system md4c (Debian 12: 0.4.8, libmd4c-html0-dev): the old
 * side of compare.py. Build: gcc -O2 -o md2html_system md2html_system.c -lmd4c-html -lmd4c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <md4c.h>
#include <md4c-html.h>
static void out(const MD_CHAR* t, MD_SIZE n, void* u) { fwrite(t, 1, n, stdout); }
int main(int argc, char** argv) {
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        const char* a = argv[i];
        if (!strcmp(a, "--ftables")) flags |= MD_FLAG_TABLES;
        else if (!strcmp(a, "--fstrikethrough")) flags |= MD_FLAG_STRIKETHROUGH;
        else if (!strcmp(a, "--ftasklists")) flags |= MD_FLAG_TASKLISTS;
        else if (!strcmp(a, "--fpermissive-url-autolinks")) flags |= MD_FLAG_PERMISSIVEURLAUTOLINKS;
        else if (!strcmp(a, "--fpermissive-www-autolinks")) flags |= MD_FLAG_PERMISSIVEWWWAUTOLINKS;
        else if (!strcmp(a, "--fpermissive-email-autolinks")) flags |= MD_FLAG_PERMISSIVEEMAILAUTOLINKS;
        else if (!strcmp(a, "--fpermissive-autolinks")) flags |= MD_FLAG_PERMISSIVEAUTOLINKS;
        else if (!strcmp(a, "--flatex-math")) flags |= MD_FLAG_LATEXMATHSPANS;
        else if (!strcmp(a, "--fwiki-links")) flags |= MD_FLAG_WIKILINKS;
        else if (!strcmp(a, "--funderline")) flags |= MD_FLAG_UNDERLINE;
        else if (!strcmp(a, "--fcollapse-whitespace")) flags |= MD_FLAG_COLLAPSEWHITESPACE;
        else if (!strcmp(a, "--fhard-soft-breaks")) flags |= 0x8000; /* not in 0.4.8 */
    }
    static char buf[1 << 24]; size_t n = fread(buf, 1, sizeof buf, stdin);
    return md_html(buf, n, out, NULL, flags, 0) ? 1 : 0;
}
