/*
** sn_internal.h: declarations shared by the core's own files.
*/
#ifndef SN_INTERNAL_H
#define SN_INTERNAL_H

#if defined(__GNUC__)
#define SN_INTERNAL __attribute__((visibility("hidden")))
#else
#define SN_INTERNAL
#endif

/* data/schema.sql, compiled in by the build (build/gen/sn_schema.c). */
SN_INTERNAL extern const char sn_schema_sql[];

#endif
