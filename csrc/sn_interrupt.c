/*
** sn_interrupt.c: the request to stop the core's long loops.
**
** One process-wide flag, set by sinorus_interrupt() (async-signal-safe, so
** a SIGINT handler may call it) and read by the loops of the simulation
** and the graph measures, which then free what they hold and return
** SINORUS_INTERRUPTED. The flag stays set until sinorus_interrupt_clear().
*/
#include <signal.h>

#include "sinorus.h"
#include "sn_internal.h"

static volatile sig_atomic_t stop_requested = 0;

/* See sinorus.h. */
SINORUS_API void sinorus_interrupt (void) {
  stop_requested = 1;
}

/* See sinorus.h. */
SINORUS_API void sinorus_interrupt_clear (void) {
  stop_requested = 0;
}

/* See sn_internal.h. */
int sn_interrupted (void) {
  return stop_requested != 0;
}
