/**
 * A stand-in for a Supervisely instance: a seeded generator of synthetic labeling teams ({@link
 * dev.labelmeter.simulator.TeamGenerator}), an HTTP server that serves such a team over the public
 * API wire protocol ({@link dev.labelmeter.simulator.SimulatorServer}) with injectable faults
 * ({@link dev.labelmeter.simulator.FaultConfig}), and a writer of store snapshots for benchmarks
 * ({@link dev.labelmeter.simulator.SnapshotWriter}). It writes its own JSON and never uses the
 * client's models, so a mapping mistake cannot hide on both sides. See {@code docs/simulator.md}.
 */
package dev.labelmeter.simulator;
