/* The Snowball stemmers compiled into blog_stemmer (cmake/snowball.cmake
   writes the table from BLOG_STEMMERS). C, as the generated stemmers are.
   Each stemmer works on an SN_env (Snowball's runtime/api.h): create one,
   SN_set_current(env, size, utf8) the word, stem(env) (< 0: out of memory),
   read the stem from env->p[0, env->l), close(env) when done. */
#ifndef BLOG_STEMMER_MODULES_H
#define BLOG_STEMMER_MODULES_H

#ifdef __cplusplus
extern "C" {
#endif

struct SN_env;

struct blog_stemmer_module {
    const char* name;   /* Snowball's algorithm name: "english" */
    const char* codes;  /* its names and ISO 639 codes, each between spaces: " english en eng " */
    struct SN_env* (*create)(void);  /* NULL when out of memory */
    void (*close)(struct SN_env*);
    int (*stem)(struct SN_env*);
};

/* Ends with a row whose name is NULL. */
extern const struct blog_stemmer_module blog_stemmer_modules[];

#ifdef __cplusplus
}
#endif

#endif
