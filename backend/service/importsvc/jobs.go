package importsvc

import (
	"context"
	"strconv"
	"sync"

	"qunzhu/backend/domain"
)

// jobs are the imports running in the background, by job id, so the window
// can cancel one.
type jobs struct {
	mu      sync.Mutex
	running map[string]context.CancelFunc
	seq     int
}

// NewJobID is a job id no job of this service has had, for a caller that
// must name the job's events before it starts.
func (s *Service) NewJobID() string {
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	s.jobs.seq++
	return "job-" + strconv.Itoa(s.jobs.seq)
}

// Start runs req in the background under ctx and returns its job id at
// once (id, or a new one when id is ""); done receives the result when it
// ends. Cancel(id) stops it before it commits and nothing is written.
func (s *Service) Start(ctx context.Context, id string, req Request, done func(Result, error)) (string, error) {
	if id == "" {
		id = s.NewJobID()
	}
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	if s.jobs.running == nil {
		s.jobs.running = map[string]context.CancelFunc{}
	}
	if _, busy := s.jobs.running[id]; busy {
		return "", domain.Errorf(domain.ECONFLICT, "import.job_running", map[string]any{"id": id})
	}
	jobCtx, cancel := context.WithCancel(ctx)
	s.jobs.running[id] = cancel
	go func() {
		defer s.finish(id)
		done(s.Import(jobCtx, req))
	}()
	return id, nil
}

// Cancel stops a running import; nothing of it is written. An import that
// has committed is past cancelling (its risk sweep runs on regardless).
func (s *Service) Cancel(id string) {
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	if cancel, ok := s.jobs.running[id]; ok {
		cancel()
	}
}

func (s *Service) finish(id string) {
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	if cancel, ok := s.jobs.running[id]; ok {
		cancel()
		delete(s.jobs.running, id)
	}
}
