package content

import (
	"testing"
	"time"
)

func TestMixWindowIsFourWholeWeeks(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Berlin")
	// 2024-W13 starts Monday 25 March; the clocks went forward on the 31st.
	start := time.Date(2024, 3, 25, 0, 0, 0, 0, loc)
	from, to := MixWindow(start, loc)
	if want := time.Date(2024, 3, 4, 0, 0, 0, 0, loc); !from.Equal(want) {
		t.Errorf("from = %v, want %v", from, want)
	}
	if want := time.Date(2024, 4, 1, 0, 0, 0, 0, loc); !to.Equal(want) {
		t.Errorf("to = %v, want %v", to, want)
	}
}
