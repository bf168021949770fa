/*
** sn_graph.c: graphs over integer node indexes and their measures.
**
** A graph keeps its edges as given, by column, and what PageRank reads
** on every iteration: each node's summed out-weight and its in-edges
** (pull rows), the rows laid out by length so that the loop over a row
** runs the same number of times for many rows in a row.
**
** The other measures walk compressed adjacency arrays (CSR): out-rows
** and, on a directed graph, in-rows, each row sorted by neighbour index
** and then by edge order, which makes every traversal deterministic and
** lets duplicate ties be merged in one scan. An undirected graph has one
** set of rows holding each edge from both ends (a self-loop once); its
** in-rows are its out-rows. They are built by the first measure that
** needs them, under the graph's lock, so a graph stays safe to share
** between threads that only query it. Node indexes are kept in 32 bits.
*/

#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <float.h>
#include <stdint.h>
#include <pthread.h>

#include "sinorus_graph.h"
#include "sn_graph.h"
#include "sn_internal.h"

/* Rows: row u is entries off[u] .. off[u + 1] - 1, each a neighbour, a
** weight and a sign. */
typedef struct sn_rows {
  size_t *off;
  uint32_t *nbr;
  double *w;
  signed char *sg;
} sn_rows;

/*
** PageRank's pull rows: the in-edges (source, weight) of every node in
** edge order, one row per node. Rows are stored by increasing length:
** row r belongs to node node[r], and group k holds the rows of length
** glen[k], up to row gend[k] (exclusive).
*/
typedef struct sn_pull {
  uint32_t *src;
  double *w;
  uint32_t *node;
  size_t *glen, *gend;
  size_t ng;
} sn_pull;

struct sinorus_graph {
  size_t n, m;
  int directed;
  sn_edgecols e;      /* the edges as given */
  double *wout;       /* n: summed weight of each node's out-edges */
  sn_pull pull;
  pthread_mutex_t lock;   /* guards the building of the rows */
  int locked;         /* 1 once lock is initialised */
  int rows;           /* 1 once out and in are built */
  sn_rows out, in;    /* in aliases out when undirected */
};


/* calloc-like allocation of count items of size bytes; NULL on overflow. */
static void *sn_alloc (size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) return NULL;
  return malloc(count * size > 0 ? count * size : 1);
}


/* ---------------------------------------------------------------------
** Building
** ------------------------------------------------------------------ */

/* Allocates the entries of rows for ne entries (off is set apart); 0 on
** failure. */
static int alloc_entries (sn_rows *r, size_t ne) {
  r->nbr = sn_alloc(ne, sizeof(uint32_t));
  r->w = sn_alloc(ne, sizeof(double));
  r->sg = sn_alloc(ne, 1);
  return r->nbr && r->w && r->sg;
}

static void free_entries (sn_rows *r) {
  free(r->nbr); free(r->w); free(r->sg);
  r->nbr = NULL; r->w = NULL; r->sg = NULL;
}

static void free_rows (sinorus_graph *g) {
  if (g->in.off != g->out.off) {
    free(g->in.off);
    free_entries(&g->in);
  }
  free(g->out.off);
  free_entries(&g->out);
  memset(&g->in, 0, sizeof g->in);
  memset(&g->out, 0, sizeof g->out);
}

/* Turns row lengths held in off[u + 1] into offsets (off[0] = 0). */
static void offsets (size_t n, size_t *off) {
  size_t u;
  off[0] = 0;
  for (u = 0; u < n; u++) off[u + 1] += off[u];
}

/*
** Writes the transpose of src into dst, whose offsets are set: entry
** (u, v) of src becomes entry (v, u) of dst. Row v of dst is then sorted
** by neighbour u, and entries of one neighbour keep their order in src
** (a counting sort). pos has room for n.
*/
static void transpose (size_t n, const sn_rows *src, sn_rows *dst,
                       size_t *pos) {
  const size_t *off = src->off;
  const uint32_t *nb = src->nbr;
  const double *w = src->w;
  const signed char *sg = src->sg;
  uint32_t *dnb = dst->nbr;
  double *dw = dst->w;
  signed char *dsg = dst->sg;
  size_t u, k;
  memcpy(pos, dst->off, n * sizeof(size_t));
  for (u = 0; u < n; u++) {
    size_t hi = off[u + 1];
    for (k = off[u]; k < hi; k++) {
      size_t j = pos[nb[k]]++;
      dnb[j] = (uint32_t)u; dw[j] = w[k]; dsg[j] = sg[k];
    }
  }
}

/*
** Builds the sorted rows with counting sorts, never comparing: the edges
** are dealt into rows in edge order (by target, or both ends when
** undirected), then transposed, which sorts every row by neighbour; a
** directed graph's in-rows are transposed once more. On failure nothing
** is kept.
*/
static int build_rows (sinorus_graph *g) {
  size_t n = g->n, m = g->m, i, ne;
  const uint32_t *from = g->e.from, *to = g->e.to;
  const signed char *sign = g->e.sign;
  const double *weight = g->e.weight;
  size_t *pos = NULL, *cnt;
  sn_rows tmp;
  int st = SINORUS_NOMEM;
  memset(&tmp, 0, sizeof tmp);
  g->out.off = calloc(n + 1, sizeof(size_t));
  if (g->out.off == NULL) goto done;
  if (g->directed && (g->in.off = calloc(n + 1, sizeof(size_t))) == NULL)
    goto done;
  cnt = g->directed ? g->in.off : g->out.off;
  for (i = 0; i < m; i++) {
    g->out.off[from[i] + 1]++;
    cnt[to[i] + 1] += g->directed || from[i] != to[i];
  }
  offsets(n, g->out.off);
  ne = g->out.off[n];
  if (g->directed) offsets(n, g->in.off);
  pos = sn_alloc(n + 1, sizeof(size_t));
  if (pos == NULL || !alloc_entries(&g->out, ne)) goto done;
  /* tmp: the in-rows' storage when directed, scratch when undirected */
  tmp.off = g->directed ? g->in.off : g->out.off;
  if (g->directed ? !alloc_entries(&g->in, m) : !alloc_entries(&tmp, ne))
    goto done;
  if (g->directed) { tmp.nbr = g->in.nbr; tmp.w = g->in.w; tmp.sg = g->in.sg; }
  memcpy(pos, tmp.off, n * sizeof(size_t));
  for (i = 0; i < m; i++) {
    uint32_t f = from[i], t = to[i];
    size_t j = pos[t]++;
    tmp.nbr[j] = f; tmp.w[j] = weight[i]; tmp.sg[j] = sign[i];
    if (!g->directed && f != t) {
      j = pos[f]++;
      tmp.nbr[j] = t; tmp.w[j] = weight[i]; tmp.sg[j] = sign[i];
    }
  }
  /* tmp holds row t with neighbours f in edge order; its transpose is
  ** the out-rows sorted by (neighbour, edge) */
  transpose(n, &tmp, &g->out, pos);
  if (g->directed) transpose(n, &g->out, &g->in, pos);
  else g->in = g->out;
  st = SINORUS_OK;
done:
  if (!g->directed) free_entries(&tmp);
  free(pos);
  if (st != SINORUS_OK) free_rows(g);
  return st;
}

/* Builds the sorted rows unless built: SINORUS_OK or SINORUS_NOMEM. The
** rows are part of the graph's state, not of its value, hence the cast. */
static int need_rows (const sinorus_graph *cg) {
  sinorus_graph *g = (sinorus_graph *)cg;
  int st = SINORUS_OK;
  if (pthread_mutex_lock(&g->lock) != 0) return SINORUS_NOMEM;
  if (!g->rows) {
    st = build_rows(g);
    g->rows = st == SINORUS_OK;
  }
  pthread_mutex_unlock(&g->lock);
  return st;
}

SINORUS_API void sinorus_graph_free (sinorus_graph *g) {
  if (g == NULL) return;
  free_rows(g);
  free(g->pull.src); free(g->pull.w); free(g->pull.node);
  free(g->pull.glen); free(g->pull.gend);
  free(g->wout);
  free(g->e.from); free(g->e.to); free(g->e.sign); free(g->e.weight);
  free(g->e.type);
  if (g->locked) pthread_mutex_destroy(&g->lock);
  free(g);
}

SN_GRAPH_INTERNAL int sn_graph_alloc (size_t n, int directed, size_t m,
                                      int typed, sinorus_graph **out,
                                      sn_edgecols *cols) {
  sinorus_graph *g;
  *out = NULL;
  memset(cols, 0, sizeof *cols);
  if (n > UINT32_MAX || m > UINT32_MAX / 2) return SINORUS_NOMEM;
  g = calloc(1, sizeof *g);
  if (g == NULL) return SINORUS_NOMEM;
  g->n = n; g->m = m; g->directed = directed != 0;
  if (pthread_mutex_init(&g->lock, NULL) != 0) { free(g); return SINORUS_NOMEM; }
  g->locked = 1;
  g->e.from = sn_alloc(m, sizeof(uint32_t));
  g->e.to = sn_alloc(m, sizeof(uint32_t));
  g->e.sign = sn_alloc(m, 1);
  g->e.weight = sn_alloc(m, sizeof(double));
  if (typed) g->e.type = sn_alloc(m, sizeof(int));
  if (!g->e.from || !g->e.to || !g->e.sign || !g->e.weight ||
      (typed && !g->e.type)) {
    sinorus_graph_free(g);
    return SINORUS_NOMEM;
  }
  *cols = g->e;
  *out = g;
  return SINORUS_OK;
}

/*
** Checks every edge, sums the out-weights and builds the pull rows: a
** counting pass, the rows ordered by length (a counting sort of the
** nodes), and one pass dealing the edges into their rows.
*/
SN_GRAPH_INTERNAL int sn_graph_finish (sinorus_graph *g) {
  size_t n = g->n, m = g->m, i, u, ne, maxlen = 0, r, k;
  const uint32_t *from = g->e.from, *to = g->e.to;
  const signed char *sign = g->e.sign;
  const double *weight = g->e.weight;
  uint32_t *pos, *src;   /* entries number at most 2 m < 2^32 */
  size_t *bylen = NULL;
  double *wout, *pw;
  sn_pull *p = &g->pull;
  int st = SINORUS_NOMEM;
  /* the length of each node's pull row, counted in pos[v] */
  pos = calloc(n + 1, sizeof(uint32_t));
  g->wout = wout = calloc(n ? n : 1, sizeof(double));
  if (pos == NULL || wout == NULL) goto done;
  st = SINORUS_RANGE;
  for (i = 0; i < m; i++) {
    uint32_t f = from[i], t = to[i];
    double w = weight[i];
    if (f >= n || t >= n || sign[i] < -1 || sign[i] > 1 ||
        !(w >= 0 && w <= DBL_MAX))
      goto done;
    pos[t]++;
    wout[f] += w;
    if (!g->directed && f != t) {
      pos[f]++;
      wout[t] += w;
    }
  }
  st = SINORUS_NOMEM;
  ne = 0;
  for (u = 0; u < n; u++) {
    if (pos[u] > maxlen) maxlen = pos[u];
    ne += pos[u];
  }
  /* rows by length: bylen[len] counts, then becomes the first row */
  bylen = calloc(maxlen + 2, sizeof(size_t));
  p->node = sn_alloc(n, sizeof(uint32_t));
  p->src = sn_alloc(ne, sizeof(uint32_t));
  p->w = sn_alloc(ne, sizeof(double));
  if (!bylen || !p->node || !p->src || !p->w) goto done;
  for (u = 0; u < n; u++) bylen[pos[u] + 1]++;
  for (k = 0; k <= maxlen; k++) p->ng += bylen[k + 1] != 0;
  p->glen = sn_alloc(p->ng, sizeof(size_t));
  p->gend = sn_alloc(p->ng, sizeof(size_t));
  if (!p->glen || !p->gend) goto done;
  p->ng = 0;
  for (k = 0; k <= maxlen; k++) {
    if (bylen[k + 1] != 0) {
      p->glen[p->ng] = k;
      p->gend[p->ng] = bylen[k] + bylen[k + 1];
      p->ng++;
    }
    bylen[k + 1] += bylen[k];
  }
  for (u = 0; u < n; u++) p->node[bylen[pos[u]]++] = (uint32_t)u;
  /* pos[v]: where node v's row starts */
  for (r = 0, k = 0; r < n; r++) {
    u = p->node[r];
    i = pos[u];
    pos[u] = (uint32_t)k;
    k += i;
  }
  src = p->src; pw = p->w;
  if (g->directed)
    for (i = 0; i < m; i++) {
      uint32_t j = pos[to[i]]++;
      src[j] = from[i]; pw[j] = weight[i];
    }
  else
    for (i = 0; i < m; i++) {
      uint32_t f = from[i], t = to[i], j = pos[t]++;
      src[j] = f; pw[j] = weight[i];
      if (f != t) {
        j = pos[f]++;
        src[j] = t; pw[j] = weight[i];
      }
    }
  st = SINORUS_OK;
done:
  free(pos);
  free(bylen);
  return st;
}

SINORUS_API int sinorus_graph_new (size_t n, int directed,
                                   const sinorus_edge *edges, size_t m,
                                   sinorus_graph **out) {
  sinorus_graph *g;
  sn_edgecols c;
  size_t i;
  int typed = 0, st;
  *out = NULL;
  for (i = 0; i < m; i++) {
    const sinorus_edge *e = &edges[i];
    if (e->from >= n || e->to >= n || e->sign < -1 || e->sign > 1 ||
        !(e->weight >= 0) || !isfinite(e->weight))
      return SINORUS_RANGE;
    typed |= e->type != -1;
  }
  st = sn_graph_alloc(n, directed, m, typed, &g, &c);
  if (st != SINORUS_OK) return st;
  for (i = 0; i < m; i++) {
    c.from[i] = (uint32_t)edges[i].from;
    c.to[i] = (uint32_t)edges[i].to;
    c.sign[i] = (signed char)edges[i].sign;
    c.weight[i] = edges[i].weight;
    if (typed) c.type[i] = edges[i].type;
  }
  st = sn_graph_finish(g);
  if (st != SINORUS_OK) { sinorus_graph_free(g); return st; }
  *out = g;
  return SINORUS_OK;
}

SINORUS_API size_t sinorus_graph_order (const sinorus_graph *g) { return g->n; }
SINORUS_API size_t sinorus_graph_size (const sinorus_graph *g) { return g->m; }
SINORUS_API int sinorus_graph_directed (const sinorus_graph *g) { return g->directed; }

SINORUS_API int sinorus_graph_edge (const sinorus_graph *g, size_t i,
                                    sinorus_edge *out) {
  if (i >= g->m) return SINORUS_RANGE;
  out->from = g->e.from[i];
  out->to = g->e.to[i];
  out->sign = g->e.sign[i];
  out->type = g->e.type ? g->e.type[i] : -1;
  out->weight = g->e.weight[i];
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** Degree and strength
** ------------------------------------------------------------------ */

SINORUS_API int sinorus_graph_degree (const sinorus_graph *g, size_t u,
                                      sinorus_degree *d) {
  size_t k;
  int st;
  memset(d, 0, sizeof *d);
  if (u >= g->n) return SINORUS_RANGE;
  if ((st = need_rows(g)) != SINORUS_OK) return st;
  for (k = g->out.off[u]; k < g->out.off[u + 1]; k++) {
    int times = (!g->directed && g->out.nbr[k] == u) ? 2 : 1;
    d->out += times;
    d->out_signed += times * g->out.sg[k] * g->out.w[k];
    d->out_abs += times * g->out.w[k];
  }
  if (g->directed) {
    for (k = g->in.off[u]; k < g->in.off[u + 1]; k++) {
      d->in++;
      d->in_signed += g->in.sg[k] * g->in.w[k];
      d->in_abs += g->in.w[k];
    }
    d->total = d->in + d->out;
    d->total_signed = d->in_signed + d->out_signed;
    d->total_abs = d->in_abs + d->out_abs;
  }
  else {
    d->in = d->total = d->out;
    d->in_signed = d->total_signed = d->out_signed;
    d->in_abs = d->total_abs = d->out_abs;
  }
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** PageRank
** ------------------------------------------------------------------ */

/*
** The power iteration pulls along the pull rows. Each iteration first
** scales every rank by its node's inverse out-weight (x), so that the
** loop over the edges is one multiply-add per edge with no division;
** rows of one length run back to back, so that the loop's end is
** predicted. The pass that normalises the new ranks also prepares the
** next iteration's x and dangling sum.
*/
SINORUS_API int sinorus_graph_pagerank (const sinorus_graph *g, double damping,
                                        double tol, int max_iter, double *rank,
                                        int *iters, int *converged) {
  size_t n = g->n, u;
  const sn_pull *p = &g->pull;
  const uint32_t *src = p->src, *node = p->node;
  const double *pw = p->w;
  double *winv, *x, *next, dangling = 0, d0 = 0;
  int it = 0, done = 0;
  if (!(damping >= 0 && damping <= 1) || !(tol >= 0) || max_iter < 1)
    return SINORUS_RANGE;
  if (iters) *iters = 0;
  if (converged) *converged = 1;
  if (n == 0) return SINORUS_OK;
  winv = sn_alloc(n, sizeof(double));
  x = sn_alloc(n, sizeof(double));
  next = sn_alloc(n, sizeof(double));
  if (!winv || !x || !next) {
    free(winv); free(x); free(next);
    return SINORUS_NOMEM;
  }
  for (u = 0; u < n; u++) {
    winv[u] = g->wout[u] > 0 ? 1.0 / g->wout[u] : 0;
    rank[u] = 1.0 / (double)n;
    x[u] = rank[u] * winv[u];
    dangling += winv[u] > 0 ? 0 : rank[u];
  }
  while (it < max_iter && !done) {
    double base = (1 - damping) / (double)n + damping * dangling / (double)n;
    double delta = 0, e0 = 0, sum = 0, s0 = 0, inv;
    size_t grp, r = 0, k = 0;
    if (sn_interrupted()) {
      free(winv); free(x); free(next);
      if (iters) *iters = it;
      if (converged) *converged = 0;
      return SINORUS_INTERRUPTED;
    }
    for (grp = 0; grp < p->ng; grp++) {
      size_t len = p->glen[grp], end = p->gend[grp];
      /* two rows at a time: two independent sums */
      for (; r + 1 < end; r += 2, k += 2 * len) {
        const uint32_t *sa = src + k, *sb = src + k + len;
        const double *wa = pw + k, *wb = pw + k + len;
        double a = 0, b = 0, va, vb;
        size_t j;
        for (j = 0; j < len; j++) {
          a += x[sa[j]] * wa[j];
          b += x[sb[j]] * wb[j];
        }
        va = base + damping * a;
        vb = base + damping * b;
        next[node[r]] = va;
        next[node[r + 1]] = vb;
        sum += va;
        s0 += vb;
      }
      if (r < end) {
        double a = 0, v;
        size_t j;
        for (j = 0; j < len; j++, k++) a += x[src[k]] * pw[k];
        v = base + damping * a;
        next[node[r]] = v;
        sum += v;
        r++;
      }
    }
    /* renormalise against rounding drift, measure the change, and
    ** prepare the next iteration (two sums each, to shorten the chains) */
    inv = 1.0 / (sum + s0);
    dangling = 0; d0 = 0;
    for (u = 0; u < n; u++) {
      double v = next[u] * inv, c = fabs(v - rank[u]), dv = winv[u] > 0 ? 0 : v;
      rank[u] = v;
      x[u] = v * winv[u];
      if (u & 1) { e0 += c; d0 += dv; } else { delta += c; dangling += dv; }
    }
    delta += e0;
    dangling += d0;
    it++;
    if (delta < tol) done = 1;
  }
  free(winv); free(x); free(next);
  if (iters) *iters = it;
  if (converged) *converged = done;
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** Structural balance
** ------------------------------------------------------------------ */

static int cmp_triangle (const void *pa, const void *pb) {
  const sinorus_triangle *a = pa, *b = pb;
  if (a->a != b->a) return a->a < b->a ? -1 : 1;
  if (a->b != b->b) return a->b < b->b ? -1 : 1;
  if (a->c != b->c) return a->c < b->c ? -1 : 1;
  return 0;
}

SINORUS_API int sinorus_graph_balance (const sinorus_graph *g,
                                       sinorus_balance *out,
                                       sinorus_triangle *list, size_t cap) {
  size_t n = g->n, u;
  size_t *toff = NULL, *tnbr = NULL;       /* every node's signed ties */
  signed char *tsign = NULL;
  size_t *soff = NULL, *snbr = NULL;       /* the ties oriented by rank */
  signed char *ssign = NULL, *mark = NULL;
  size_t ties = 0, stored = 0, bound;
  int st = SINORUS_NOMEM;
  memset(out, 0, sizeof *out);
  out->ratio = 1;
  if (need_rows(g) != SINORUS_OK) return SINORUS_NOMEM;
  bound = g->out.off[n] + (g->directed ? g->in.off[n] : 0);
  toff = sn_alloc(n + 1, sizeof(size_t));
  soff = sn_alloc(n + 1, sizeof(size_t));
  tnbr = sn_alloc(bound, sizeof(size_t));
  tsign = sn_alloc(bound, 1);
  if (!toff || !soff || !tnbr || !tsign) goto done;
  /* merge each node's out- and in-rows (sorted by neighbor) into ties */
  for (u = 0; u < n; u++) {
    size_t a = g->out.off[u], ae = g->out.off[u + 1];
    size_t b = g->directed ? g->in.off[u] : 0;
    size_t be = g->directed ? g->in.off[u + 1] : 0;
    toff[u] = ties;
    while (a < ae || b < be) {
      size_t v;
      double sw = 0;
      int ss = 0;
      if (b >= be || (a < ae && g->out.nbr[a] <= g->in.nbr[b])) v = g->out.nbr[a];
      else v = g->in.nbr[b];
      for (; a < ae && g->out.nbr[a] == v; a++) {
        sw += g->out.sg[a] * g->out.w[a];
        ss += g->out.sg[a];
      }
      for (; b < be && g->in.nbr[b] == v; b++) {
        sw += g->in.sg[b] * g->in.w[b];
        ss += g->in.sg[b];
      }
      if (v == u || (sw == 0 && ss == 0)) continue;
      tnbr[ties] = v;
      tsign[ties] = (signed char)(sw > 0 ? 1 : sw < 0 ? -1 : ss > 0 ? 1 : -1);
      ties++;
    }
  }
  toff[n] = ties;
  /* orient each tie from the lower-ranked end: rank is (degree, index) */
  snbr = sn_alloc(ties / 2 + 1, sizeof(size_t));
  ssign = sn_alloc(ties / 2 + 1, 1);
  mark = calloc(n ? n : 1, 1);
  if (!snbr || !ssign || !mark) goto done;
  soff[0] = 0;
  for (u = 0; u < n; u++) {
    size_t at = soff[u], k, du = toff[u + 1] - toff[u];
    for (k = toff[u]; k < toff[u + 1]; k++) {
      size_t v = tnbr[k], dv = toff[v + 1] - toff[v];
      if (dv > du || (dv == du && v > u)) {
        snbr[at] = v;
        ssign[at] = tsign[k];
        at++;
      }
    }
    soff[u + 1] = at;
  }
  free(tnbr); tnbr = NULL;
  free(tsign); tsign = NULL;
  out->ties = ties / 2;
  /* triangles u < v < w in rank order: u's ties marked, v's scanned */
  for (u = 0; u < n; u++) {
    size_t a, b;
    if (sn_interrupted()) { st = SINORUS_INTERRUPTED; goto done; }
    for (a = soff[u]; a < soff[u + 1]; a++) mark[snbr[a]] = ssign[a];
    for (a = soff[u]; a < soff[u + 1]; a++) {
      size_t v = snbr[a];
      for (b = soff[v]; b < soff[v + 1]; b++) {
        size_t x = snbr[b];
        if (mark[x]) {
          int suv = ssign[a], svx = ssign[b], sux = mark[x];
          out->triangles++;
          if (suv * svx * sux > 0) out->balanced++;
          else if (stored < cap) {
            /* sort the three nodes and carry each tie's sign along */
            size_t p[3]; int q[3];  /* q[i]: sign of the tie opposite p[i] */
            size_t t; int ti, y, z;
            p[0] = u; p[1] = v; p[2] = x;
            q[0] = svx; q[1] = sux; q[2] = suv;
            for (y = 0; y < 2; y++)
              for (z = 0; z < 2 - y; z++)
                if (p[z] > p[z + 1]) {
                  t = p[z]; p[z] = p[z + 1]; p[z + 1] = t;
                  ti = q[z]; q[z] = q[z + 1]; q[z + 1] = ti;
                }
            list[stored].a = p[0]; list[stored].b = p[1]; list[stored].c = p[2];
            list[stored].ab = q[2]; list[stored].bc = q[0]; list[stored].ca = q[1];
            stored++;
          }
        }
      }
    }
    for (a = soff[u]; a < soff[u + 1]; a++) mark[snbr[a]] = 0;
  }
  out->unbalanced = out->triangles - out->balanced;
  if (out->triangles > 0)
    out->ratio = (double)out->balanced / (double)out->triangles;
  if (stored > 1) qsort(list, stored, sizeof *list, cmp_triangle);
  st = SINORUS_OK;
done:
  free(toff); free(tnbr); free(tsign);
  free(soff); free(snbr); free(ssign); free(mark);
  return st;
}


/* ---------------------------------------------------------------------
** Paths, components, ego networks
** ------------------------------------------------------------------ */

#define NONE SIZE_MAX

/* A binary min-heap of (cost, node), ties to the lower node. */
typedef struct { double d; size_t v; } sn_hitem;

static int hless (const sn_hitem *a, const sn_hitem *b) {
  return a->d < b->d || (a->d == b->d && a->v < b->v);
}

static void hpush (sn_hitem *h, size_t *len, double d, size_t v) {
  size_t i = (*len)++;
  h[i].d = d; h[i].v = v;
  while (i > 0) {
    size_t p = (i - 1) / 2;
    sn_hitem t;
    if (!hless(&h[i], &h[p])) break;
    t = h[i]; h[i] = h[p]; h[p] = t;
    i = p;
  }
}

static sn_hitem hpop (sn_hitem *h, size_t *len) {
  sn_hitem top = h[0];
  size_t i = 0, n = --(*len);
  h[0] = h[n];
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, s = i;
    sn_hitem t;
    if (l < n && hless(&h[l], &h[s])) s = l;
    if (r < n && hless(&h[r], &h[s])) s = r;
    if (s == i) break;
    t = h[i]; h[i] = h[s]; h[s] = t;
    i = s;
  }
  return top;
}

SINORUS_API int sinorus_graph_path (const sinorus_graph *g, size_t from,
                                    size_t to, int mode, size_t *path,
                                    size_t cap, size_t *len, double *cost) {
  size_t n = g->n, *prev = NULL, count, v;
  double *dist = NULL;
  int both = g->directed && (mode & SINORUS_PATH_UNDIRECTED);
  int byweight = (mode & 1) == SINORUS_PATH_WEIGHT;
  int pass;
  *len = 0;
  if (cost) *cost = HUGE_VAL;
  if (from >= n || to >= n) return SINORUS_RANGE;
  if (need_rows(g) != SINORUS_OK) return SINORUS_NOMEM;
  prev = sn_alloc(n, sizeof(size_t));
  dist = sn_alloc(n, sizeof(double));
  if (!prev || !dist) { free(prev); free(dist); return SINORUS_NOMEM; }
  for (v = 0; v < n; v++) { prev[v] = NONE; dist[v] = HUGE_VAL; }
  dist[from] = 0;
  if (!byweight) {
    /* breadth-first, the queue held in path-independent storage */
    size_t *queue = sn_alloc(n, sizeof(size_t)), head = 0, tail = 0;
    if (!queue) { free(prev); free(dist); return SINORUS_NOMEM; }
    queue[tail++] = from;
    while (head < tail && dist[to] == HUGE_VAL) {
      size_t u = queue[head++];
      if ((head & 4095) == 0 && sn_interrupted()) break;
      for (pass = 0; pass < 1 + both; pass++) {
        const size_t *off = pass ? g->in.off : g->out.off;
        const uint32_t *nb = pass ? g->in.nbr : g->out.nbr;
        size_t k;
        for (k = off[u]; k < off[u + 1]; k++) {
          size_t x = nb[k];
          if (dist[x] == HUGE_VAL) {
            dist[x] = dist[u] + 1;
            prev[x] = u;
            queue[tail++] = x;
          }
        }
      }
    }
    free(queue);
  }
  else {
    /* Dijkstra with lazy deletion; each push follows a strict improvement */
    size_t hcap = (both ? 2 * g->m : (g->directed ? g->m : 2 * g->m)) + 1;
    size_t hlen = 0, pops = 0;
    sn_hitem *heap = sn_alloc(hcap, sizeof(sn_hitem));
    if (!heap) { free(prev); free(dist); return SINORUS_NOMEM; }
    hpush(heap, &hlen, 0, from);
    while (hlen > 0) {
      sn_hitem it = hpop(heap, &hlen);
      size_t u = it.v;
      if ((++pops & 4095) == 0 && sn_interrupted()) break;
      if (it.d > dist[u]) continue;
      if (u == to) break;
      for (pass = 0; pass < 1 + both; pass++) {
        const size_t *off = pass ? g->in.off : g->out.off;
        const uint32_t *nb = pass ? g->in.nbr : g->out.nbr;
        const double *ww = pass ? g->in.w : g->out.w;
        size_t k;
        for (k = off[u]; k < off[u + 1]; k++) {
          size_t x = nb[k];
          double d;
          if (!(ww[k] > 0)) continue;
          d = dist[u] + 1.0 / ww[k];
          if (d < dist[x]) {
            dist[x] = d;
            prev[x] = u;
            if (hlen < hcap) hpush(heap, &hlen, d, x);
          }
        }
      }
    }
    free(heap);
  }
  if (sn_interrupted()) { free(prev); free(dist); return SINORUS_INTERRUPTED; }
  if (dist[to] != HUGE_VAL) {
    count = 1;
    for (v = to; v != from; v = prev[v]) count++;
    if (count > cap) { free(prev); free(dist); return SINORUS_RANGE; }
    *len = count;
    for (v = to; ; v = prev[v]) {
      path[--count] = v;
      if (v == from) break;
    }
    if (cost) *cost = dist[to];
  }
  free(prev); free(dist);
  return SINORUS_OK;
}

/*
** Breadth-first search ignoring direction from start, marking reached
** nodes with label in lab (NONE = unreached) up to depth radius (or
** without limit when radius is NONE). queue and depth have room for n.
*/
static size_t flood (const sinorus_graph *g, size_t start, size_t label,
                     size_t radius, size_t *lab, size_t *queue,
                     size_t *depth) {
  size_t head = 0, tail = 0;
  int pass, passes = g->directed ? 2 : 1;
  lab[start] = label;
  depth[start] = 0;
  queue[tail++] = start;
  while (head < tail) {
    size_t u = queue[head++];
    if ((head & 4095) == 0 && sn_interrupted()) break;
    if (radius != NONE && depth[u] >= radius) continue;
    for (pass = 0; pass < passes; pass++) {
      const size_t *off = pass ? g->in.off : g->out.off;
      const uint32_t *nb = pass ? g->in.nbr : g->out.nbr;
      size_t k;
      for (k = off[u]; k < off[u + 1]; k++) {
        size_t x = nb[k];
        if (lab[x] == NONE) {
          lab[x] = label;
          depth[x] = depth[u] + 1;
          queue[tail++] = x;
        }
      }
    }
  }
  return tail;
}

SINORUS_API int sinorus_graph_components (const sinorus_graph *g, size_t *comp,
                                          size_t *count) {
  size_t n = g->n, u, c = 0;
  size_t *queue = sn_alloc(n, sizeof(size_t));
  size_t *depth = sn_alloc(n, sizeof(size_t));
  *count = 0;
  if (need_rows(g) != SINORUS_OK) { free(queue); free(depth); return SINORUS_NOMEM; }
  if (!queue || !depth) { free(queue); free(depth); return SINORUS_NOMEM; }
  for (u = 0; u < n; u++) comp[u] = NONE;
  for (u = 0; u < n && !sn_interrupted(); u++)
    if (comp[u] == NONE) flood(g, u, c++, NONE, comp, queue, depth);
  free(queue); free(depth);
  if (sn_interrupted()) return SINORUS_INTERRUPTED;
  *count = c;
  return SINORUS_OK;
}

SINORUS_API int sinorus_graph_ego (const sinorus_graph *g, size_t center,
                                   unsigned radius, size_t *nodes, size_t cap,
                                   size_t *count) {
  size_t n = g->n, u, c = 0;
  size_t *lab, *queue, *depth;
  *count = 0;
  if (center >= n) return SINORUS_RANGE;
  if (need_rows(g) != SINORUS_OK) return SINORUS_NOMEM;
  lab = sn_alloc(n, sizeof(size_t));
  queue = sn_alloc(n, sizeof(size_t));
  depth = sn_alloc(n, sizeof(size_t));
  if (!lab || !queue || !depth) {
    free(lab); free(queue); free(depth);
    return SINORUS_NOMEM;
  }
  for (u = 0; u < n; u++) lab[u] = NONE;
  flood(g, center, 0, radius, lab, queue, depth);
  if (sn_interrupted()) {
    free(lab); free(queue); free(depth);
    return SINORUS_INTERRUPTED;
  }
  for (u = 0; u < n; u++)
    if (lab[u] != NONE) {
      if (c < cap) nodes[c] = u;
      c++;
    }
  free(lab); free(queue); free(depth);
  *count = c;
  return SINORUS_OK;
}

SINORUS_API int sinorus_graph_subgraph (const sinorus_graph *g,
                                        const size_t *nodes, size_t k,
                                        sinorus_graph **out) {
  size_t n = g->n, i, m = 0;
  size_t *map;
  sinorus_edge *es;
  int st;
  *out = NULL;
  map = sn_alloc(n, sizeof(size_t));
  if (!map) return SINORUS_NOMEM;
  for (i = 0; i < n; i++) map[i] = NONE;
  for (i = 0; i < k; i++) {
    if (nodes[i] >= n || map[nodes[i]] != NONE) { free(map); return SINORUS_RANGE; }
    map[nodes[i]] = i;
  }
  es = sn_alloc(g->m, sizeof(sinorus_edge));
  if (!es) { free(map); return SINORUS_NOMEM; }
  for (i = 0; i < g->m; i++) {
    size_t f = map[g->e.from[i]], t = map[g->e.to[i]];
    if (f != NONE && t != NONE) {
      sinorus_graph_edge(g, i, &es[m]);
      es[m].from = f;
      es[m].to = t;
      m++;
    }
  }
  st = sinorus_graph_new(k, g->directed, es, m, out);
  free(es); free(map);
  return st;
}
