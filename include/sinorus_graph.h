/*
** sinorus_graph.h: the public C API of sinorus graphs and writers.
**
** A graph is built once from a list of edges over node indexes 0..n-1
** and is immutable afterwards. Building keeps the edges and what
** PageRank reads; the adjacency rows that degree, balance, path,
** components and ego walk are built by the first of them called (in
** O(n + m), under a lock inside the graph), so a graph may be shared
** between threads that only query it. Edges carry a sign
** (-1, 0, +1), a weight (finite, >= 0) and a small integer type (an
** index into a caller's table of type names, or -1 for none).
**
** As in sinorus.h, functions return SINORUS_* status codes, never print,
** exit or longjmp, and node indexes are 0-based.
*/
#ifndef SINORUS_GRAPH_H
#define SINORUS_GRAPH_H

#include <stddef.h>
#include "sinorus.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sinorus_graph sinorus_graph;

typedef struct sinorus_edge {
  size_t from, to;   /* node indexes; from == to is a self-loop */
  int sign;          /* -1, 0 or +1 */
  int type;          /* caller's type index, or -1 */
  double weight;     /* finite, >= 0 */
} sinorus_edge;

/*
** Builds a graph of n nodes from m edges (copied; edges may be NULL when
** m is 0). directed is 0 for an undirected graph, where an edge (a, b)
** joins both ends. Parallel edges are kept as separate edges. Returns
** SINORUS_RANGE (and *out NULL) for an edge whose ends are >= n, whose
** sign is not -1, 0 or 1, or whose weight is negative or not finite;
** SINORUS_NOMEM when out of memory, or when n > 2^32 - 1 or m > 2^31 - 1
** (the graph keeps 32-bit indexes). Time and memory are O(n + m).
*/
SINORUS_API int sinorus_graph_new(size_t n, int directed,
                                  const sinorus_edge *edges, size_t m,
                                  sinorus_graph **out);

/* Frees a graph. NULL is allowed. */
SINORUS_API void sinorus_graph_free(sinorus_graph *g);

/* The number of nodes, of edges, and 1 if the graph is directed. */
SINORUS_API size_t sinorus_graph_order(const sinorus_graph *g);
SINORUS_API size_t sinorus_graph_size(const sinorus_graph *g);
SINORUS_API int sinorus_graph_directed(const sinorus_graph *g);

/* The i-th edge as given to sinorus_graph_new (SINORUS_RANGE if i >= m). */
SINORUS_API int sinorus_graph_edge(const sinorus_graph *g, size_t i,
                                   sinorus_edge *out);

typedef struct sinorus_degree {
  size_t in, out, total;        /* edge counts (undirected: in = out = total) */
  double in_signed, out_signed, total_signed;  /* sums of sign * weight */
  double in_abs, out_abs, total_abs;           /* sums of weight */
} sinorus_degree;

/*
** The degree and strength of a node. On a directed graph total = in +
** out; on an undirected graph every field of a kind holds the same
** value, and a self-loop counts twice (it touches the node at both
** ends). Signed strength sums sign * weight; absolute strength sums the
** weights. SINORUS_RANGE for node >= n; SINORUS_NOMEM if the first call
** cannot build the graph's rows (as for balance, path, components, ego).
*/
SINORUS_API int sinorus_graph_degree(const sinorus_graph *g, size_t node,
                                     sinorus_degree *out);

/*
** Weighted PageRank. rank (n doubles) receives the scores, which are >=
** 0 and sum to 1. A node spreads damping times its rank over its
** out-edges in proportion to their weights (on an undirected graph,
** over all its edges); a node whose out-weights sum to 0 (a dangling
** node) spreads it uniformly over all nodes; every node also receives
** (1 - damping) / n. Iteration starts from the uniform vector and stops
** after the first iteration whose L1 change sum |r_new - r_old| is below
** tol, or after max_iter iterations, whichever comes first. *iters (may
** be NULL) receives the number of iterations done, *converged (may be
** NULL) 1 if the tolerance was met. SINORUS_RANGE unless damping is in
** [0, 1], tol >= 0 and max_iter >= 1. An empty graph succeeds at once.
*/
SINORUS_API int sinorus_graph_pagerank(const sinorus_graph *g, double damping,
                                       double tol, int max_iter, double *rank,
                                       int *iters, int *converged);

typedef struct sinorus_triangle {
  size_t a, b, c;      /* node indexes, a < b < c */
  int ab, bc, ca;      /* the signs of the three ties (+1 or -1) */
} sinorus_triangle;

typedef struct sinorus_balance {
  size_t triangles;    /* signed triangles */
  size_t balanced;     /* those whose sign product is positive */
  size_t unbalanced;   /* triangles - balanced */
  double ratio;        /* balanced / triangles; 1 when there are none */
  size_t ties;         /* signed ties (node pairs) considered */
} sinorus_balance;

/*
** Structural balance in the sense of Cartwright and Harary, over the
** undirected signed graph: all edges between two distinct nodes, in
** either direction, form one tie whose sign is the sign of the sum of
** their sign * weight, or where that sum is 0, of the sum of their
** signs. Self-loops and ties of sign 0 are left out. A triangle of ties
** is balanced when the product of its signs is positive. Fills *out and
** writes at most cap unbalanced triangles to list (sorted by a, b, c;
** out->unbalanced counts them all, so a second call with a larger cap
** gets the rest). Runs in O(m sqrt m) time by ordering nodes by degree.
*/
SINORUS_API int sinorus_graph_balance(const sinorus_graph *g,
                                      sinorus_balance *out,
                                      sinorus_triangle *list, size_t cap);

#define SINORUS_PATH_HOPS       0   /* fewest edges (breadth-first) */
#define SINORUS_PATH_WEIGHT     1   /* least cost; an edge costs 1 / weight */
#define SINORUS_PATH_UNDIRECTED 2   /* flag: ignore edge direction */

/*
** A shortest path from node from to node to. By hops every edge costs
** 1; by weight an edge costs 1 / weight, so strong ties are short, and
** an edge of weight 0 cannot be used. On a directed graph edges are
** followed from source to target unless SINORUS_PATH_UNDIRECTED is set.
** Writes the nodes of the path, from first and to last, to path (room
** for cap; n always suffices), their number to *len (0 when to cannot
** be reached; 1 when from == to) and the cost to *cost (may be NULL;
** HUGE_VAL when unreachable). Ties are broken towards lower indexes, so
** the answer is deterministic. SINORUS_RANGE for a node >= n or cap too
** small for the path.
*/
SINORUS_API int sinorus_graph_path(const sinorus_graph *g, size_t from,
                                   size_t to, int mode, size_t *path,
                                   size_t cap, size_t *len, double *cost);

/*
** Connected components (weakly connected on a directed graph): writes
** to comp (n entries) the component number of each node, numbered from
** 0 in order of each component's lowest node index, and their number to
** *count.
*/
SINORUS_API int sinorus_graph_components(const sinorus_graph *g, size_t *comp,
                                         size_t *count);

/*
** The ego network of node center: the nodes within radius edges of it,
** ignoring direction, in increasing index order (center included).
** Writes at most cap of them to nodes and their number to *count.
** SINORUS_RANGE for center >= n.
*/
SINORUS_API int sinorus_graph_ego(const sinorus_graph *g, size_t center,
                                  unsigned radius, size_t *nodes, size_t cap,
                                  size_t *count);

/*
** The subgraph induced by k distinct nodes: node i of *out is nodes[i]
** of g, and it holds every edge of g between two of them, in g's order.
** SINORUS_RANGE for an index >= n or a repeated index.
*/
SINORUS_API int sinorus_graph_subgraph(const sinorus_graph *g,
                                       const size_t *nodes, size_t k,
                                       sinorus_graph **out);


/* ---------------------------------------------------------------------
** Writers
** ------------------------------------------------------------------ */

/*
** Receives output: returns 0 to go on, anything else to stop the writer
** (which then returns SINORUS_ERROR).
*/
typedef int (*sinorus_writer)(void *ud, const char *s, size_t len);

#define SINORUS_FORMAT_DOT      0   /* Graphviz DOT */
#define SINORUS_FORMAT_GRAPHML  1   /* GraphML 1.0 */
#define SINORUS_FORMAT_GEXF     2   /* GEXF 1.3 */
#define SINORUS_FORMAT_JSON     3   /* node-link JSON, in core.json's bytes (keys sorted) */

/* What a writer knows of nodes and edge types besides the graph. */
typedef struct sinorus_graph_info {
  const char *const *ids;      /* n node ids (UTF-8, required) */
  const char *const *labels;   /* n labels, or NULL (the ids) */
  size_t nattrs;               /* string attributes of every node */
  const char *const *attr_names;   /* nattrs names, sorted by the caller */
  const char *const *attr_values;  /* n * nattrs values (node-major); NULL: none */
  const char *const *types;    /* edge type names by type index */
  size_t ntypes;
  const char *name;            /* the graph's name, or NULL */
} sinorus_graph_info;

/*
** Writes a graph in a format: nodes in index order, then edges in
** order, each with its sign, weight and type; output is the same for
** the same input. Every string is escaped for the format, and bytes
** that are not valid UTF-8 are replaced by U+FFFD, so the output is
** well-formed whatever the names hold. SINORUS_RANGE for an unknown
** format or an edge type outside the table.
*/
SINORUS_API int sinorus_graph_write(const sinorus_graph *g, int format,
                                    const sinorus_graph_info *info,
                                    sinorus_writer w, void *ud);

/*
** Escapers: each writes the escaped form of s (len bytes) through w.
** xml: for XML text and attribute values (& < > " ' and line breaks as
** character references; other control characters dropped). json: a
** complete JSON string with its quotes. csv: one RFC 4180 field, quoted
** when it holds a comma, quote, CR or LF (or begins or ends with a
** space). dot: a complete DOT double-quoted string. All four replace
** invalid UTF-8 with U+FFFD.
*/
SINORUS_API int sinorus_escape_xml(const char *s, size_t len, sinorus_writer w, void *ud);
SINORUS_API int sinorus_escape_json(const char *s, size_t len, sinorus_writer w, void *ud);
SINORUS_API int sinorus_escape_csv(const char *s, size_t len, sinorus_writer w, void *ud);
SINORUS_API int sinorus_escape_dot(const char *s, size_t len, sinorus_writer w, void *ud);

/*
** Writes len bytes to path atomically: a temporary file "path.tmp-XXXXXX"
** in the same directory is written, synced and renamed over path, and the
** directory synced (the one atomic write of sinorus_save too). path must
** be a new name or a regular file (a symbolic link is followed); anything
** else is refused. Temporary files of earlier writes to path that were
** killed mid-way are removed. On failure path is untouched, no temporary
** file remains, and a message goes to errbuf.
*/
SINORUS_API int sinorus_write_file(const char *path, const char *data,
                                   size_t len, char *errbuf, size_t errlen);

/*
** Deterministic GUIDs: writes to out (37 bytes with the NUL) a UUID
** (version 8, RFC 9562 variant, lower-case hex) derived from a hash of
** key, so the same key always gives the same GUID.
*/
SINORUS_API void sinorus_guid(const char *key, size_t len, char out[37]);


/* REFI-QDA project exchange (.qdpx) */

typedef struct sinorus_qda_code {
  const char *key;          /* unique; its GUID derives from it */
  const char *name;
  const char *description;  /* or NULL */
  long parent;              /* index of the parent code (< own index), or -1 */
} sinorus_qda_code;

typedef struct sinorus_qda_source {
  const char *key;          /* unique */
  const char *name;
  const char *text;         /* UTF-8 plain text */
  size_t len;
} sinorus_qda_source;

typedef struct sinorus_qda_selection {
  size_t source;            /* index into the sources */
  size_t code;              /* index into the codes */
  size_t start, stop;       /* byte offsets into the source text, [start, stop) */
  const char *key;          /* unique */
  const char *name;         /* or NULL */
} sinorus_qda_selection;

/*
** Writes a REFI-QDA project (QDPX: a zip holding project.qde and the
** sources as Sources/<guid>.txt) to path, atomically. Code, source and
** selection GUIDs derive from their keys. Selection positions are
** written as the standard wants them: 0-based character (code point)
** offsets, end exclusive. The zip's entries carry a fixed time stamp,
** so the same input gives the same file. SINORUS_RANGE for a selection
** outside its source or off a character boundary, or a code whose
** parent is not an earlier code; SINORUS_IO when the file cannot be
** written (path then untouched, a message in errbuf); SINORUS_ERROR
** when libzip, which the library loads the first time it is needed,
** cannot be loaded.
*/
SINORUS_API int sinorus_write_qdpx(const char *path, const char *project,
                                   const sinorus_qda_code *codes, size_t ncodes,
                                   const sinorus_qda_source *sources, size_t nsources,
                                   const sinorus_qda_selection *sels, size_t nsels,
                                   char *errbuf, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
