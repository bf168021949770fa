/*
** fuzz.h: what the libFuzzer harnesses share.
**
** Each harness defines LLVMFuzzerTestOneInput and nothing else that
** libFuzzer calls: one-time set-up happens lazily on the first input,
** so the same file links both with -fsanitize=fuzzer and with
** fuzz/replay.c under an ordinary compiler. A broken invariant is
** reported on stderr and abort()s, which both drivers treat as a crash.
*/
#ifndef SN_FUZZ_H
#define SN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Aborts with the file, line and a message when cond is false. */
#define FUZZ_CHECK(cond, ...) do { \
    if (!(cond)) { \
      fprintf(stderr, "%s:%d: invariant broken: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__); \
      fputc('\n', stderr); \
      abort(); \
    } \
  } while (0)

/* Inputs longer than this are cut, to keep each execution fast. */
#ifndef FUZZ_MAX_INPUT
#define FUZZ_MAX_INPUT (64 * 1024)
#endif

#endif
