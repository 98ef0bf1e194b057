/**
 * The on-disk data store of one team: its layout ({@link dev.labelmeter.store.StoreLayout}), the
 * manifest, atomic writers and streaming readers of gzipped JSON lines. Documented for other tools
 * in {@code docs/data-layout.md}.
 */
package dev.labelmeter.store;
