/*
** check.h: the check macro of the C tests (spec/c/NAME_test.c). Each test
** is one program: CHECK counts a check and reports a failure with its
** place and a printf-style message; the test's main prints the totals.
*/
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>

static int failures = 0, checks = 0;

#define CHECK(cond, ...) do { \
    checks++; \
    if (!(cond)) { \
      failures++; \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__); \
      fputc('\n', stderr); \
    } \
  } while (0)

#endif
