/*
 * tap.h - a tiny TAP (Test Anything Protocol) producer for the C API tests.
 *
 * Usage:
 *     tap_plan(12);               prints "1..12" first
 *     ok(cond, "description");    "ok N - description" / "not ok N - ..."
 *     is_int(got, want, "desc");  integer comparison with a diagnostic
 *     is_num(got, want, "desc");  exact double comparison
 *     is_str(got, want, "desc");  C-string comparison (NULL-safe)
 *     is_mem(p, n, want, wn, ..); byte comparison (embedded zeros)
 *     return tap_done();          exit status: 0 only if every planned
 *                                 check ran and passed
 *
 * Diagnostics go to stdout as "# ..." lines so that they stay in order
 * with the results.
 */
#ifndef CELLUA_TAP_H
#define CELLUA_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_planned_ = -1;
static int tap_count_ = 0;
static int tap_failures_ = 0;

static inline void tap_plan(int n)
{
    tap_planned_ = n;
    printf("1..%d\n", n);
    fflush(stdout);
}

static inline void diag(const char *fmt, ...)
{
    va_list ap;
    fputs("# ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    fflush(stdout);
}

static inline int tap_result_(int pass, const char *desc, const char *file, int line)
{
    tap_count_++;
    printf("%sok %d - %s\n", pass ? "" : "not ", tap_count_, desc);
    if (!pass) {
        tap_failures_++;
        printf("#   failed at %s:%d\n", file, line);
    }
    fflush(stdout);
    return pass;
}

static inline int tap_int_(long long got, long long want, const char *desc,
                           const char *file, int line)
{
    int pass = tap_result_(got == want, desc, file, line);
    if (!pass)
        diag("  got %lld, expected %lld", got, want);
    return pass;
}

static inline int tap_num_(double got, double want, const char *desc,
                           const char *file, int line)
{
    int pass = tap_result_(got == want, desc, file, line);
    if (!pass)
        diag("  got %.17g, expected %.17g", got, want);
    return pass;
}

static inline int tap_str_(const char *got, const char *want, const char *desc,
                           const char *file, int line)
{
    int pass;
    if (got == NULL || want == NULL)
        pass = (got == want);
    else
        pass = strcmp(got, want) == 0;
    pass = tap_result_(pass, desc, file, line);
    if (!pass)
        diag("  got \"%s\", expected \"%s\"", got ? got : "(NULL)", want ? want : "(NULL)");
    return pass;
}

static inline int tap_mem_(const char *got, size_t gotlen, const char *want, size_t wantlen,
                           const char *desc, const char *file, int line)
{
    int pass = got != NULL && gotlen == wantlen && memcmp(got, want, wantlen) == 0;
    pass = tap_result_(pass, desc, file, line);
    if (!pass)
        diag("  got %s of length %lu, expected length %lu", got ? "bytes" : "NULL",
             (unsigned long)gotlen, (unsigned long)wantlen);
    return pass;
}

/* Substring check: got must contain want. */
static inline int tap_has_(const char *got, const char *want, const char *desc,
                           const char *file, int line)
{
    int pass = got != NULL && strstr(got, want) != NULL;
    pass = tap_result_(pass, desc, file, line);
    if (!pass)
        diag("  got \"%s\", expected it to contain \"%s\"", got ? got : "(NULL)", want);
    return pass;
}

#define ok(cond, desc) tap_result_(!!(cond), (desc), __FILE__, __LINE__)
#define is_int(got, want, desc) \
    tap_int_((long long)(got), (long long)(want), (desc), __FILE__, __LINE__)
#define is_num(got, want, desc) tap_num_((double)(got), (double)(want), (desc), __FILE__, __LINE__)
#define is_str(got, want, desc) tap_str_((got), (want), (desc), __FILE__, __LINE__)
#define is_mem(got, gotlen, want, wantlen, desc) \
    tap_mem_((got), (gotlen), (want), (wantlen), (desc), __FILE__, __LINE__)
#define has_str(got, want, desc) tap_has_((got), (want), (desc), __FILE__, __LINE__)

/* Exit status for main: 0 only when every planned check ran and passed. */
static inline int tap_done(void)
{
    if (tap_planned_ < 0) {
        diag("no plan was declared");
        return 1;
    }
    if (tap_count_ != tap_planned_) {
        diag("planned %d checks but ran %d", tap_planned_, tap_count_);
        return 1;
    }
    if (tap_failures_ > 0) {
        diag("%d of %d checks failed", tap_failures_, tap_count_);
        return 1;
    }
    return 0;
}

#endif
