/*
** sn_graph.h: building a graph from edge columns, for the binding.
**
** sinorus_graph_new copies an array of sinorus_edge. A caller that
** already holds its edges column by column (the Lua binding reads them
** from Lua tables) can instead fill the graph's own columns: it gets
** them from sn_graph_alloc, writes every entry, then calls
** sn_graph_finish, which checks every value and builds the rows. Until
** then the graph may only be freed.
*/
#ifndef SN_GRAPH_H
#define SN_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "sinorus_graph.h"

#if defined(__GNUC__)
#define SN_GRAPH_INTERNAL __attribute__((visibility("hidden")))
#else
#define SN_GRAPH_INTERNAL
#endif

/* The edges of a graph as columns of m entries, indexed by edge. */
typedef struct sn_edgecols {
  uint32_t *from, *to;   /* node indexes, < n */
  signed char *sign;     /* -1, 0 or +1 */
  double *weight;        /* finite, >= 0 */
  int *type;             /* type index or -1; NULL: every edge -1 */
} sn_edgecols;

/*
** Allocates an unfinished graph of n nodes and m edges and returns its
** columns in *cols (type only when typed). SINORUS_NOMEM (and *out
** NULL) when out of memory or when n exceeds UINT32_MAX.
*/
SN_GRAPH_INTERNAL int sn_graph_alloc(size_t n, int directed, size_t m,
                                     int typed, sinorus_graph **out,
                                     sn_edgecols *cols);

/*
** Finishes a graph from sn_graph_alloc whose columns are filled: checks
** every edge as sinorus_graph_new does and builds the rows. Returns
** SINORUS_RANGE for a bad edge or SINORUS_NOMEM; the graph must then be
** freed, and is usable only after SINORUS_OK.
*/
SN_GRAPH_INTERNAL int sn_graph_finish(sinorus_graph *g);

#endif
