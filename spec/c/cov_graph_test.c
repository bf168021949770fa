/*
** cov_graph_test.c: the graph API (include/sinorus_graph.h) on the cases
** the Lua specs leave out: refused edges and arguments, optional NULL
** outputs, nodes with many neighbours, signed ties that cancel, paths
** by weight with the undirected flag, short output arrays. Prints one
** line per failure and a summary.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "sinorus.h"
#include "sinorus_graph.h"

#include "check.h"

#define N 60


static void test_refused (void) {
  sinorus_edge e = { 0, 1, 1, -1, 1.0 };
  sinorus_graph *g = (sinorus_graph *)&e;
  CHECK(sinorus_graph_new(1, 0, &e, 1, &g) == SINORUS_RANGE && g == NULL, "to >= n");
  e.to = 0; e.from = 5;
  CHECK(sinorus_graph_new(2, 0, &e, 1, &g) == SINORUS_RANGE, "from >= n");
  e.from = 0; e.sign = 2;
  CHECK(sinorus_graph_new(2, 0, &e, 1, &g) == SINORUS_RANGE, "sign 2");
  e.sign = -2;
  CHECK(sinorus_graph_new(2, 0, &e, 1, &g) == SINORUS_RANGE, "sign -2");
  e.sign = 0; e.weight = -1;
  CHECK(sinorus_graph_new(2, 0, &e, 1, &g) == SINORUS_RANGE, "weight -1");
  e.weight = NAN;
  CHECK(sinorus_graph_new(2, 0, &e, 1, &g) == SINORUS_RANGE, "weight NaN");
  e.weight = INFINITY;
  CHECK(sinorus_graph_new(2, 1, &e, 1, &g) == SINORUS_RANGE, "weight inf");
  CHECK(sinorus_graph_new(0, 0, NULL, 0, &g) == SINORUS_OK && g != NULL, "empty");
  if (g) {
    double r;
    size_t c;
    sinorus_balance b;
    CHECK(sinorus_graph_pagerank(g, 0.85, 1e-9, 10, &r, NULL, NULL) == SINORUS_OK,
          "pagerank of nothing");
    CHECK(sinorus_graph_components(g, NULL, &c) == SINORUS_OK && c == 0, "no components");
    CHECK(sinorus_graph_balance(g, &b, NULL, 0) == SINORUS_OK && b.ratio == 1,
          "balance of nothing");
    sinorus_graph_free(g);
  }
  sinorus_graph_free(NULL);
}


static void test_big (int directed) {
  sinorus_edge e[4 * N];
  sinorus_graph *g = NULL, *sub = NULL;
  sinorus_degree d;
  sinorus_balance b;
  sinorus_triangle tri[2];
  double rank[N], cost;
  size_t path[N], len, comp[N], count, nodes[N], m = 0, i;
  int iters = 0, conv = 0;
  for (i = 1; i < N; i++) {                 /* a hub with many neighbours, */
    sinorus_edge h = { i % 2 ? 0 : i, i % 2 ? i : 0, (int)(i % 3) - 1, (int)(i % 2),
                       (double)(N - i) };
    e[m++] = h;                             /* listed in a shuffled order */
  }
  for (i = 1; i + 1 < N; i += 2) {          /* ties that cancel, self-loops */
    sinorus_edge p = { i, i + 1, 1, -1, 2.0 }, q = { i + 1, i, -1, -1, 2.0 },
                 s = { i, i, 1, -1, 0.0 };
    e[m++] = p; e[m++] = q; e[m++] = s;
  }
  CHECK(sinorus_graph_new(N, directed, e, m, &g) == SINORUS_OK, "graph");
  if (g == NULL) return;
  CHECK(sinorus_graph_edge(g, m, &e[0]) == SINORUS_RANGE, "edge m");
  CHECK(sinorus_graph_degree(g, N, &d) == SINORUS_RANGE, "degree of N");
  CHECK(sinorus_graph_degree(g, 1, &d) == SINORUS_OK && d.total >= 3, "degree");
  CHECK(sinorus_graph_pagerank(g, 1.5, 1e-9, 10, rank, &iters, &conv) == SINORUS_RANGE,
        "damping 1.5");
  CHECK(sinorus_graph_pagerank(g, 0.85, -1, 10, rank, NULL, NULL) == SINORUS_RANGE,
        "tol -1");
  CHECK(sinorus_graph_pagerank(g, 0.85, 1e-9, 0, rank, NULL, NULL) == SINORUS_RANGE,
        "max_iter 0");
  CHECK(sinorus_graph_pagerank(g, 0.85, 0, 3, rank, &iters, &conv) == SINORUS_OK
        && iters == 3 && conv == 0, "pagerank stopped early");
  CHECK(sinorus_graph_pagerank(g, 0.85, 1e-12, 1000, rank, NULL, NULL) == SINORUS_OK,
        "pagerank, NULL counters");
  CHECK(sinorus_graph_balance(g, &b, tri, 1) == SINORUS_OK, "balance");
  CHECK(sinorus_graph_path(g, 0, N, 0, path, N, &len, &cost) == SINORUS_RANGE,
        "path to N");
  CHECK(sinorus_graph_path(g, N, 0, 0, path, N, &len, NULL) == SINORUS_RANGE,
        "path from N");
  CHECK(sinorus_graph_path(g, 1, 2, SINORUS_PATH_WEIGHT | SINORUS_PATH_UNDIRECTED,
                           path, N, &len, &cost) == SINORUS_OK && len >= 2,
        "weighted undirected path");
  CHECK(sinorus_graph_path(g, 2, 3, SINORUS_PATH_WEIGHT, path, N, &len, NULL)
        == SINORUS_OK, "weighted path, no cost");
  CHECK(sinorus_graph_path(g, 2, 5, SINORUS_PATH_HOPS | SINORUS_PATH_UNDIRECTED,
                           path, 1, &len, &cost) == SINORUS_RANGE, "cap too small");
  CHECK(sinorus_graph_path(g, 3, 3, SINORUS_PATH_HOPS, path, N, &len, &cost)
        == SINORUS_OK && len == 1, "path to itself");
  CHECK(sinorus_graph_components(g, comp, &count) == SINORUS_OK && count >= 1,
        "components");
  CHECK(sinorus_graph_ego(g, N, 1, nodes, N, &count) == SINORUS_RANGE, "ego of N");
  CHECK(sinorus_graph_ego(g, 0, 2, nodes, 3, &count) == SINORUS_OK && count > 3,
        "ego with a short array: %zu", count);
  nodes[0] = 0; nodes[1] = 0;
  CHECK(sinorus_graph_subgraph(g, nodes, 2, &sub) == SINORUS_RANGE, "repeated node");
  nodes[1] = N;
  CHECK(sinorus_graph_subgraph(g, nodes, 2, &sub) == SINORUS_RANGE, "node N");
  nodes[0] = 1; nodes[1] = 2; nodes[2] = 0;
  CHECK(sinorus_graph_subgraph(g, nodes, 3, &sub) == SINORUS_OK
        && sinorus_graph_order(sub) == 3, "subgraph");
  sinorus_graph_free(sub);
  sinorus_graph_free(g);
}


/* The rows the first of degree, balance, path, components and ego
** builds give the same answers whichever runs first, also when two
** threads ask at once; edges come back as given. */
typedef struct { sinorus_graph *g; sinorus_degree d[N]; int st; } rowjob;

static void *degrees (void *ud) {
  rowjob *j = ud;
  size_t u;
  for (u = 0; u < N; u++)
    if (sinorus_graph_degree(j->g, u, &j->d[u]) != SINORUS_OK) j->st = 1;
  return NULL;
}

static void test_lazy_rows (int directed) {
  sinorus_edge e[3 * N], back;
  sinorus_graph *a = NULL, *b = NULL;
  rowjob j1, j2, j3;
  pthread_t t1, t2;
  double ra[N], rb[N];
  size_t i, m = 0, pa[N], pb[N], la, lb;
  int same = 1;
  for (i = 0; i < 3 * N; i++) {
    sinorus_edge x = { (i * 7) % N, (i * 13 + i / 5) % N, (int)(i % 3) - 1,
                       (int)(i % 4) - 1, (double)(i % 5) / 2 };
    e[m++] = x;
  }
  CHECK(sinorus_graph_new(N, directed, e, m, &a) == SINORUS_OK
        && sinorus_graph_new(N, directed, e, m, &b) == SINORUS_OK, "graphs");
  if (!a || !b) { sinorus_graph_free(a); sinorus_graph_free(b); return; }
  for (i = 0; i < m; i++) {
    sinorus_graph_edge(a, i, &back);
    same &= back.from == e[i].from && back.to == e[i].to && back.sign == e[i].sign
            && back.type == e[i].type && back.weight == e[i].weight;
  }
  CHECK(same, "edges as given");
  /* a: two threads build the rows at once; b: PageRank and a path first */
  memset(&j1, 0, sizeof j1); memset(&j2, 0, sizeof j2); memset(&j3, 0, sizeof j3);
  j1.g = a; j2.g = a; j3.g = b;
  if (pthread_create(&t1, NULL, degrees, &j1) != 0) degrees(&j1);
  else {
    if (pthread_create(&t2, NULL, degrees, &j2) != 0) degrees(&j2);
    else pthread_join(t2, NULL);
    pthread_join(t1, NULL);
  }
  CHECK(sinorus_graph_pagerank(b, 0.85, 0, 30, rb, NULL, NULL) == SINORUS_OK, "pagerank b");
  CHECK(sinorus_graph_path(b, 1, N - 2, SINORUS_PATH_WEIGHT, pb, N, &lb, NULL) == SINORUS_OK,
        "path b");
  degrees(&j3);
  CHECK(sinorus_graph_pagerank(a, 0.85, 0, 30, ra, NULL, NULL) == SINORUS_OK, "pagerank a");
  CHECK(sinorus_graph_path(a, 1, N - 2, SINORUS_PATH_WEIGHT, pa, N, &la, NULL) == SINORUS_OK,
        "path a");
  CHECK(j1.st == 0 && j2.st == 0 && j3.st == 0, "degrees");
  CHECK(memcmp(j1.d, j2.d, sizeof j1.d) == 0 && memcmp(j1.d, j3.d, sizeof j1.d) == 0,
        "degrees agree");
  CHECK(memcmp(ra, rb, sizeof ra) == 0, "pagerank agrees");
  CHECK(la == lb && memcmp(pa, pb, la * sizeof *pa) == 0, "paths agree");
  sinorus_graph_free(a);
  sinorus_graph_free(b);
}


int main (void) {
  test_refused();
  test_big(0);
  test_big(1);
  test_lazy_rows(0);
  test_lazy_rows(1);
  printf("cov_graph_test: %d checks, %d failed\n", checks, failures);
  return failures != 0;
}
