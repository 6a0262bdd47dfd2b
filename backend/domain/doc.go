// Package domain holds Qunzhu's core types — groups, members, messages and
// import batches — and the service interfaces the adapters implement.
//
// It imports only the standard library, so every rule about groups can be
// tested without a database, a window or a network. Adapters (store, importer,
// cli, app) depend on it; it depends on none of them.
package domain
