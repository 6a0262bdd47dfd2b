package store

import "qunzhu/backend/domain"

// tallyJob is one insert's messages as the rollups count them: each
// message's member (0: none) and sender name's number (read by the writer,
// whose dictionary grows meanwhile) and, per chunk of messageInsertChunk, whether
// some of its rows were already in the table (then its hours and days are
// recounted from the table at commit instead of counted here).
type tallyJob struct {
	msgs    []domain.Message
	members []int64
	refs    []int64
	tainted []bool
}

// tallier counts what the writer has inserted on a goroutine of its own, so
// the counting (check-ins, the ad and attack words, the flood spans: about a
// tenth of a large import's time) overlaps the next chunk's insert instead
// of lengthening the writer, which bounds an import's time. Jobs are
// counted in the order they were sent; wait returns once all are.
type tallier struct {
	jobs chan tallyJob
	done chan struct{}
}

// startTally starts counting for ins's writer; ins.tally routes its jobs
// here until stopTally.
func (ins *messageInserter) startTally() {
	if ins.server {
		return // PostgreSQL counts while its COPY runs (bulk_pg.go)
	}
	t := &tallier{jobs: make(chan tallyJob, 8), done: make(chan struct{})}
	go func() {
		defer close(t.done)
		for j := range t.jobs {
			ins.count(j)
		}
	}()
	ins.tallies = t
}

// stopTally waits until every job sent is counted. The tallies are read
// (at commit, or by a merge or recall within the import) only after it.
func (ins *messageInserter) stopTally() {
	if t := ins.tallies; t != nil {
		close(t.jobs)
		<-t.done
		ins.tallies = nil
	}
}

// tally counts j now, or hands it to the counting goroutine if one runs.
func (ins *messageInserter) tally(j tallyJob) {
	if len(j.msgs) == 0 {
		return
	}
	if t := ins.tallies; t != nil {
		t.jobs <- j
		return
	}
	ins.count(j)
}

// count adds j to the hour and member-day rollups.
func (ins *messageInserter) count(j tallyJob) {
	for c, start := 0, 0; start < len(j.msgs); c, start = c+1, start+messageInsertChunk {
		end := min(start+messageInsertChunk, len(j.msgs))
		chunk := j.msgs[start:end]
		if c < len(j.tainted) && j.tainted[c] {
			ins.hours.taint(chunk)
			ins.days.taint(chunk)
			continue
		}
		ins.hours.add(chunk)
		ins.days.add(chunk, j.members[start:end], j.refs[start:end])
	}
}
