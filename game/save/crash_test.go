package save

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

const writerEnv = "GUTSKIN_CRASH_WRITER"

// TestMain turns the test binary into the crash test's writer when asked.
func TestMain(m *testing.M) {
	if dir := os.Getenv(writerEnv); dir != "" {
		writeForever(dir)
	}
	os.Exit(m.Run())
}

// generation reads the counter a crash-test profile carries.
func generation(p *Profile) int { return p.Stats["crash/generation"].Seen }

// writeForever saves a large profile, and a classroom game's state beside
// it, again and again, each time with the next generation, until it is
// killed.
func writeForever(dir string) {
	st := &Store{Dir: dir}
	p, _, err := st.Load("crash")
	if err != nil {
		os.Exit(3)
	}
	for i := range 3000 { // a few hundred kilobytes: a write takes a while
		p.Stats[fmt.Sprintf("pack/question-%d", i)] = QuestionStat{Seen: i, Right: i / 2, LastSeen: time.Unix(int64(i), 0)}
	}
	class := filepath.Join(dir, "classroom.json")
	for gen := generation(p) + 1; ; gen++ {
		p.Stats["crash/generation"] = QuestionStat{Seen: gen}
		if err := st.Save(p); err != nil {
			os.Exit(4)
		}
		if err := WriteAtomic(class, classroomState(gen)); err != nil {
			os.Exit(5)
		}
	}
}

// classroomState is a classroom save of a given generation: the engine's
// own format, with the generation as its question index.
func classroomState(gen int) []byte {
	teams := make([]string, 8)
	for i := range teams {
		teams[i] = fmt.Sprintf("team %d", i)
	}
	data, _ := json.Marshal(map[string]any{"version": 1, "teams": teams, "generation": gen, "scores": make([]int, 3000)})
	return data
}

func classroomGeneration(data []byte) (int, error) {
	var v struct {
		Version    int `json:"version"`
		Generation int `json:"generation"`
	}
	if err := json.Unmarshal(data, &v); err != nil || v.Version != 1 {
		return 0, fmt.Errorf("torn classroom state: %v", err)
	}
	return v.Generation, nil
}

// TestCrashDuringSave kills a process that is saving a profile in a loop
// with SIGKILL at random moments. After every kill the file on disk must be a
// complete profile, of the same or a later generation than before: never
// torn, never older. GUTSKIN_CRASH_KILLS sets the number of kills (100 by
// default; the long run uses 1000). The seed is printed for replay.
func TestCrashDuringSave(t *testing.T) {
	kills := 100
	if n, err := strconv.Atoi(os.Getenv("GUTSKIN_CRASH_KILLS")); err == nil && n > 0 {
		kills = n
	}
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("GUTSKIN_CRASH_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (replay with GUTSKIN_CRASH_SEED)", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	dir := t.TempDir()
	path := filepath.Join(dir, FileName("crash"))
	prev, prevClass, completed := 0, 0, 0
	for i := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), writerEnv+"="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+rng.IntN(60)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() > 0 {
			t.Fatalf("kill %d: the writer failed by itself: %v", i, err)
		}
		data, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) && prev == 0 {
			continue // killed before its first save
		}
		if err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
		p, err := Decode(data)
		if err != nil {
			t.Fatalf("kill %d (seed %d): torn profile: %v", i, seed, err)
		}
		g := generation(p)
		if g < prev {
			t.Fatalf("kill %d (seed %d): generation went back from %d to %d", i, seed, prev, g)
		}
		if cdata, err := os.ReadFile(filepath.Join(dir, "classroom.json")); err == nil {
			cg, err := classroomGeneration(cdata)
			if err != nil {
				t.Fatalf("kill %d (seed %d): %v", i, seed, err)
			}
			if cg < prevClass {
				t.Fatalf("kill %d (seed %d): classroom generation went back from %d to %d", i, seed, prevClass, cg)
			}
			prevClass = cg
		}
		if g > prev {
			completed++
		}
		prev = g
	}
	if completed == 0 {
		t.Fatalf("no save completed in %d runs: the test proves nothing", kills)
	}
	// Leftover temporary files are cleaned when the profile is next loaded,
	// and by the classroom's loader for its state.
	if _, _, err := (&Store{Dir: dir}).Load("crash"); err != nil {
		t.Fatal(err)
	}
	CleanTemps(filepath.Join(dir, "classroom.json"))
	left, _ := filepath.Glob(filepath.Join(dir, ".*tmp-*"))
	if len(left) != 0 {
		t.Errorf("%d temporary files left after a load", len(left))
	}
	t.Logf("%d kills, %d saves completed between kills, last generation %d", kills, completed, prev)
}
