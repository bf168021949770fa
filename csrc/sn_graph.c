/*
** sn_graph.c: graphs over integer node indexes and their measures.
**
** A graph keeps its edges as given and two compressed adjacency arrays
** (CSR): out-rows and, on a directed graph, in-rows. Each row is sorted
** by neighbor index (then edge order), which makes every traversal
** deterministic and lets duplicate ties be merged in one scan.
** An undirected graph has one set of rows holding each edge from both
** ends (a self-loop once); its in-rows are its out-rows.
*/

#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <stdint.h>

#include "sinorus_graph.h"

struct sinorus_graph {
  size_t n, m;
  int directed;
  sinorus_edge *edges;
  /* out-rows: entries out_off[u] .. out_off[u + 1] - 1 */
  size_t *out_off, *out_nbr, *out_eid;
  double *out_w;
  signed char *out_sg;
  /* in-rows (aliases of the out-rows when undirected) */
  size_t *in_off, *in_nbr, *in_eid;
  double *in_w;
  signed char *in_sg;
};


/* calloc-like allocation of count items of size bytes; NULL on overflow. */
static void *sn_alloc (size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) return NULL;
  return malloc(count * size > 0 ? count * size : 1);
}


/* ---------------------------------------------------------------------
** Building
** ------------------------------------------------------------------ */

/* One row entry while sorting: neighbor, edge, weight, sign. */
typedef struct { size_t nbr, eid; double w; int sign; } sn_ent;

static int cmp_ent (const void *pa, const void *pb) {
  const sn_ent *a = pa, *b = pb;
  if (a->nbr != b->nbr) return a->nbr < b->nbr ? -1 : 1;
  return a->eid < b->eid ? -1 : a->eid > b->eid;
}

/*
** Fills a CSR (off: n + 1; nbr, eid, w, sg: one per entry) from the
** edges read forwards (or backwards when rev), and also backwards when
** both (self-loops once): a counting sort by row in edge order, then
** each row sorted by neighbor (then edge), in place.
*/
static int build_rows (size_t n, const sinorus_edge *edges, size_t m,
                       int rev, int both, size_t *off, size_t *nbr,
                       size_t *eid, double *w, signed char *sg) {
  size_t i, u, big = 0;
  sn_ent *tmp = NULL;
  memset(off, 0, (n + 1) * sizeof(size_t));
  for (i = 0; i < m; i++) {
    const sinorus_edge *e = &edges[i];
    off[(rev ? e->to : e->from) + 1]++;
    if (both && e->from != e->to) off[e->to + 1]++;
  }
  for (u = 0; u < n; u++) {
    if (off[u + 1] > big) big = off[u + 1];
    off[u + 1] += off[u];
  }
  /* off[u] now counts up as row u fills; shifted back afterwards */
  for (i = 0; i < m; i++) {
    const sinorus_edge *e = &edges[i];
    size_t k = rev ? e->to : e->from, at = off[k]++;
    nbr[at] = rev ? e->from : e->to; eid[at] = i;
    w[at] = e->weight; sg[at] = (signed char)e->sign;
    if (both && e->from != e->to) {
      at = off[e->to]++;
      nbr[at] = e->from; eid[at] = i;
      w[at] = e->weight; sg[at] = (signed char)e->sign;
    }
  }
  for (u = n; u > 0; u--) off[u] = off[u - 1];
  off[0] = 0;
  /* sort each row by neighbor: insertion sort for short rows */
  for (u = 0; u < n; u++) {
    size_t lo = off[u], hi = off[u + 1], j;
    if (hi - lo <= 32) {
      for (i = lo + 1; i < hi; i++) {
        size_t xn = nbr[i], xe = eid[i];
        double xw = w[i];
        signed char xs = sg[i];
        for (j = i; j > lo && (nbr[j - 1] > xn || (nbr[j - 1] == xn && eid[j - 1] > xe)); j--) {
          nbr[j] = nbr[j - 1]; eid[j] = eid[j - 1]; w[j] = w[j - 1]; sg[j] = sg[j - 1];
        }
        nbr[j] = xn; eid[j] = xe; w[j] = xw; sg[j] = xs;
      }
    }
    else {
      if (tmp == NULL && (tmp = sn_alloc(big, sizeof(sn_ent))) == NULL)
        return SINORUS_NOMEM;
      for (i = lo; i < hi; i++) {
        tmp[i - lo].nbr = nbr[i]; tmp[i - lo].eid = eid[i];
        tmp[i - lo].w = w[i]; tmp[i - lo].sign = sg[i];
      }
      qsort(tmp, hi - lo, sizeof(sn_ent), cmp_ent);
      for (i = lo; i < hi; i++) {
        nbr[i] = tmp[i - lo].nbr; eid[i] = tmp[i - lo].eid;
        w[i] = tmp[i - lo].w; sg[i] = (signed char)tmp[i - lo].sign;
      }
    }
  }
  free(tmp);
  return SINORUS_OK;
}

/* Allocates a set of rows for ne entries; 0 on failure. */
static int alloc_rows (size_t n, size_t ne, size_t **off, size_t **nbr,
                       size_t **eid, double **w, signed char **sg) {
  *off = sn_alloc(n + 1, sizeof(size_t));
  *nbr = sn_alloc(ne, sizeof(size_t));
  *eid = sn_alloc(ne, sizeof(size_t));
  *w = sn_alloc(ne, sizeof(double));
  *sg = sn_alloc(ne, 1);
  return *off && *nbr && *eid && *w && *sg;
}

SINORUS_API void sinorus_graph_free (sinorus_graph *g) {
  if (g == NULL) return;
  if (g->directed) {
    free(g->in_off); free(g->in_nbr); free(g->in_eid); free(g->in_w);
    free(g->in_sg);
  }
  free(g->out_off); free(g->out_nbr); free(g->out_eid); free(g->out_w);
  free(g->out_sg);
  free(g->edges);
  free(g);
}

SINORUS_API int sinorus_graph_new (size_t n, int directed,
                                   const sinorus_edge *edges, size_t m,
                                   sinorus_graph **out) {
  sinorus_graph *g;
  size_t i, ne;
  int st = SINORUS_NOMEM;
  *out = NULL;
  for (i = 0; i < m; i++) {
    const sinorus_edge *e = &edges[i];
    if (e->from >= n || e->to >= n || e->sign < -1 || e->sign > 1 ||
        !(e->weight >= 0) || !isfinite(e->weight))
      return SINORUS_RANGE;
  }
  if (m > SIZE_MAX / 2 - 1 || n > SIZE_MAX / 2 - 1) return SINORUS_NOMEM;
  g = calloc(1, sizeof *g);
  if (g == NULL) return SINORUS_NOMEM;
  g->n = n; g->m = m; g->directed = directed != 0;
  g->edges = sn_alloc(m, sizeof(sinorus_edge));
  if (g->edges == NULL) goto fail;
  if (m > 0) memcpy(g->edges, edges, m * sizeof(sinorus_edge));
  ne = m;
  if (!g->directed)
    for (i = 0; i < m; i++) ne += g->edges[i].from != g->edges[i].to;
  if (!alloc_rows(n, ne, &g->out_off, &g->out_nbr, &g->out_eid, &g->out_w,
                  &g->out_sg))
    goto fail;
  if ((st = build_rows(n, g->edges, m, 0, !g->directed, g->out_off,
                       g->out_nbr, g->out_eid, g->out_w, g->out_sg)) != SINORUS_OK)
    goto fail;
  if (g->directed) {
    st = SINORUS_NOMEM;
    if (!alloc_rows(n, m, &g->in_off, &g->in_nbr, &g->in_eid, &g->in_w,
                    &g->in_sg))
      goto fail;
    if ((st = build_rows(n, g->edges, m, 1, 0, g->in_off, g->in_nbr,
                         g->in_eid, g->in_w, g->in_sg)) != SINORUS_OK)
      goto fail;
  }
  else {
    g->in_off = g->out_off; g->in_nbr = g->out_nbr;
    g->in_eid = g->out_eid; g->in_w = g->out_w; g->in_sg = g->out_sg;
  }
  *out = g;
  return SINORUS_OK;
fail:
  sinorus_graph_free(g);
  return st;
}

SINORUS_API size_t sinorus_graph_order (const sinorus_graph *g) { return g->n; }
SINORUS_API size_t sinorus_graph_size (const sinorus_graph *g) { return g->m; }
SINORUS_API int sinorus_graph_directed (const sinorus_graph *g) { return g->directed; }

SINORUS_API int sinorus_graph_edge (const sinorus_graph *g, size_t i,
                                    sinorus_edge *out) {
  if (i >= g->m) return SINORUS_RANGE;
  *out = g->edges[i];
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** Degree and strength
** ------------------------------------------------------------------ */

SINORUS_API int sinorus_graph_degree (const sinorus_graph *g, size_t u,
                                      sinorus_degree *d) {
  size_t k;
  memset(d, 0, sizeof *d);
  if (u >= g->n) return SINORUS_RANGE;
  for (k = g->out_off[u]; k < g->out_off[u + 1]; k++) {
    const sinorus_edge *e = &g->edges[g->out_eid[k]];
    int times = (!g->directed && e->from == e->to) ? 2 : 1;
    d->out += times;
    d->out_signed += times * e->sign * e->weight;
    d->out_abs += times * e->weight;
  }
  if (g->directed) {
    for (k = g->in_off[u]; k < g->in_off[u + 1]; k++) {
      const sinorus_edge *e = &g->edges[g->in_eid[k]];
      d->in++;
      d->in_signed += e->sign * e->weight;
      d->in_abs += e->weight;
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

SINORUS_API int sinorus_graph_pagerank (const sinorus_graph *g, double damping,
                                        double tol, int max_iter, double *rank,
                                        int *iters, int *converged) {
  size_t n = g->n, u, k;
  double *wout, *x, *next;
  int it = 0, done = 0;
  if (!(damping >= 0 && damping <= 1) || !(tol >= 0) || max_iter < 1)
    return SINORUS_RANGE;
  if (iters) *iters = 0;
  if (converged) *converged = 1;
  if (n == 0) return SINORUS_OK;
  wout = sn_alloc(n, sizeof(double));
  x = sn_alloc(n, sizeof(double));
  next = sn_alloc(n, sizeof(double));
  if (!wout || !x || !next) {
    free(wout); free(x); free(next);
    return SINORUS_NOMEM;
  }
  for (u = 0; u < n; u++) {
    double s = 0;
    for (k = g->out_off[u]; k < g->out_off[u + 1]; k++) s += g->out_w[k];
    wout[u] = s > 0 ? 1.0 / s : 0;   /* kept as the inverse */
    rank[u] = 1.0 / (double)n;
  }
  while (it < max_iter && !done) {
    double dangling = 0, base, delta = 0, sum = 0;
    for (u = 0; u < n; u++) {
      if (wout[u] > 0) x[u] = rank[u] * wout[u];
      else { x[u] = 0; dangling += rank[u]; }
    }
    base = (1 - damping) / (double)n + damping * dangling / (double)n;
    for (u = 0; u < n; u++) {
      double s = 0;
      for (k = g->in_off[u]; k < g->in_off[u + 1]; k++)
        s += x[g->in_nbr[k]] * g->in_w[k];
      next[u] = base + damping * s;
      sum += next[u];
    }
    /* renormalise against rounding drift, then measure the change */
    for (u = 0; u < n; u++) {
      double v = next[u] / sum;
      delta += fabs(v - rank[u]);
      rank[u] = v;
    }
    it++;
    if (delta < tol) done = 1;
  }
  free(wout); free(x); free(next);
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
  bound = g->out_off[n] + (g->directed ? g->in_off[n] : 0);
  toff = sn_alloc(n + 1, sizeof(size_t));
  soff = sn_alloc(n + 1, sizeof(size_t));
  tnbr = sn_alloc(bound, sizeof(size_t));
  tsign = sn_alloc(bound, 1);
  if (!toff || !soff || !tnbr || !tsign) goto done;
  /* merge each node's out- and in-rows (sorted by neighbor) into ties */
  for (u = 0; u < n; u++) {
    size_t a = g->out_off[u], ae = g->out_off[u + 1];
    size_t b = g->directed ? g->in_off[u] : 0;
    size_t be = g->directed ? g->in_off[u + 1] : 0;
    toff[u] = ties;
    while (a < ae || b < be) {
      size_t v;
      double sw = 0;
      int ss = 0;
      if (b >= be || (a < ae && g->out_nbr[a] <= g->in_nbr[b])) v = g->out_nbr[a];
      else v = g->in_nbr[b];
      for (; a < ae && g->out_nbr[a] == v; a++) {
        sw += g->out_sg[a] * g->out_w[a];
        ss += g->out_sg[a];
      }
      for (; b < be && g->in_nbr[b] == v; b++) {
        sw += g->in_sg[b] * g->in_w[b];
        ss += g->in_sg[b];
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
      for (pass = 0; pass < 1 + both; pass++) {
        const size_t *off = pass ? g->in_off : g->out_off;
        const size_t *nb = pass ? g->in_nbr : g->out_nbr;
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
    size_t hlen = 0;
    sn_hitem *heap = sn_alloc(hcap, sizeof(sn_hitem));
    if (!heap) { free(prev); free(dist); return SINORUS_NOMEM; }
    hpush(heap, &hlen, 0, from);
    while (hlen > 0) {
      sn_hitem it = hpop(heap, &hlen);
      size_t u = it.v;
      if (it.d > dist[u]) continue;
      if (u == to) break;
      for (pass = 0; pass < 1 + both; pass++) {
        const size_t *off = pass ? g->in_off : g->out_off;
        const size_t *nb = pass ? g->in_nbr : g->out_nbr;
        const double *ww = pass ? g->in_w : g->out_w;
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
    if (radius != NONE && depth[u] >= radius) continue;
    for (pass = 0; pass < passes; pass++) {
      const size_t *off = pass ? g->in_off : g->out_off;
      const size_t *nb = pass ? g->in_nbr : g->out_nbr;
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
  if (!queue || !depth) { free(queue); free(depth); return SINORUS_NOMEM; }
  for (u = 0; u < n; u++) comp[u] = NONE;
  for (u = 0; u < n; u++)
    if (comp[u] == NONE) flood(g, u, c++, NONE, comp, queue, depth);
  free(queue); free(depth);
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
  lab = sn_alloc(n, sizeof(size_t));
  queue = sn_alloc(n, sizeof(size_t));
  depth = sn_alloc(n, sizeof(size_t));
  if (!lab || !queue || !depth) {
    free(lab); free(queue); free(depth);
    return SINORUS_NOMEM;
  }
  for (u = 0; u < n; u++) lab[u] = NONE;
  flood(g, center, 0, radius, lab, queue, depth);
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
    const sinorus_edge *e = &g->edges[i];
    if (map[e->from] != NONE && map[e->to] != NONE) {
      es[m] = *e;
      es[m].from = map[e->from];
      es[m].to = map[e->to];
      m++;
    }
  }
  st = sinorus_graph_new(k, g->directed, es, m, out);
  free(es); free(map);
  return st;
}
