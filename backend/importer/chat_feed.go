package importer

import "io"

// recordFeed reads a file's records (csvRecords.read) on a goroutine of its
// own, a batch at a time, while the caller turns the records before them
// into messages. Splitting a line into cells is about a third of the
// reading: at ten million messages a re-import, which only reads (every
// message is known), took 16 s on one core while the other waited; it now
// splits on one core and builds on the other.
//
// The records come out in the file's order, each once, with the damage
// read() found; what to do with them (OnBad, fn) stays with the caller, on
// its goroutine. The reader behind the records (a progress reader, a
// decoder) is only read by the feed's goroutine, which stop ends: every
// path out of each calls it, so the file is never read after each returns.
type recordFeed struct {
	batches chan *recordBatch
	free    chan *recordBatch // batches the caller is done with, to fill again
	quit    chan struct{}
	done    chan struct{}
	cur     *recordBatch
	at      int
}

// recordBatch is up to feedBatch records and the read's error after them
// (io.EOF at the end). The records' cells live in cells, one slab for the
// batch, as read() hands a record's cells in a slice it reuses.
type recordBatch struct {
	recs  []csvRecord
	cells []string
	err   error
}

// feedBatch records go across at a time: a channel send per record would
// cost more than it saves. feedAhead batches may wait, read and unclaimed,
// about 1,000 rows.
const (
	feedBatch = 256
	feedAhead = 4
)

func (r *csvRecords) feed() *recordFeed {
	f := &recordFeed{
		batches: make(chan *recordBatch, feedAhead),
		free:    make(chan *recordBatch, feedAhead+2),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	go func() {
		defer close(f.done)
		for {
			var b *recordBatch
			select {
			case b = <-f.free:
				b.recs, b.cells, b.err = b.recs[:0], b.cells[:0], nil
			default:
				b = &recordBatch{recs: make([]csvRecord, 0, feedBatch)}
			}
			for len(b.recs) < feedBatch {
				select {
				case <-f.quit:
					return
				default:
				}
				rec, err := r.read()
				if err != nil {
					b.err = err
					break
				}
				if rec.fields != nil {
					start := len(b.cells)
					b.cells = append(b.cells, rec.fields...)
					rec.fields = b.cells[start:len(b.cells):len(b.cells)]
				}
				b.recs = append(b.recs, rec)
			}
			select {
			case f.batches <- b:
			case <-f.quit:
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	return f
}

// next is the next record, or the read's error (io.EOF at the end).
func (f *recordFeed) next() (csvRecord, error) {
	for f.cur == nil || f.at == len(f.cur.recs) {
		if f.cur != nil {
			if f.cur.err != nil {
				return csvRecord{}, f.cur.err
			}
			select {
			case f.free <- f.cur:
			default:
			}
		}
		b, ok := <-f.batches
		if !ok {
			return csvRecord{}, io.EOF
		}
		f.cur, f.at = b, 0
	}
	rec := f.cur.recs[f.at]
	f.at++
	return rec, nil
}

// stop ends the feed's goroutine and waits for it: after stop the file is
// not read again.
func (f *recordFeed) stop() {
	close(f.quit)
	<-f.done
}
