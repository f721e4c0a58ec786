package ui

import (
	"fmt"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
)

// mapNode is one node of the gut-skin axis map on the title screen: a
// mechanism, shown where a pack teaches it.
type mapNode struct {
	label string
	pack  string  // pack id
	x, y  float64 // position as a fraction of the map area
}

// axisNodes and axisLinks draw the map. They name the shipped packs; a node
// whose pack is not loaded is drawn dimmed and cannot be clicked.
var axisNodes = []mapNode{
	{"Diet & fibre", "diet-fibre", 0.12, 0.14},
	{"Antibiotics & probiotics", "antibiotics-probiotics", 0.12, 0.86},
	{"Gut microbiome", "microbiome-immunity", 0.3, 0.5},
	{"Nutrients", "nutrients-skin", 0.88, 0.14},
	{"Gut barrier", "gut-barrier", 0.58, 0.34},
	{"Immune signalling", "inflammation-pathways", 0.58, 0.72},
	{"Stress hormones", "stress-gut-brain-skin", 0.55, 0.08},
	{"Skin", "skin-conditions", 0.88, 0.5},
	{"Myths & evidence", "myths-and-evidence", 0.88, 0.88},
}

// axisLinks join nodes: from -> to, by index into axisNodes.
var axisLinks = [][2]int{{0, 2}, {1, 2}, {2, 4}, {2, 5}, {4, 5}, {5, 7}, {3, 7}, {6, 7}, {6, 4}}

type titleScene struct {
	btn buttons
	// Laid out with the buttons: the tagline under the name, and the map's
	// caption, each placed so no button covers it.
	tagline, legend layout.Block
	taglineY        float64
}

const (
	tagline = "How the gut and the skin are linked, question by question, with the evidence behind each answer."
	legend  = "Colour and bar: your chance of recall now; it fades until you review."
)

func newTitle(a *App) *titleScene {
	if a.projector {
		a.setProjector(false)
	}
	return &titleScene{}
}

func (s *titleScene) packByID(a *App, id string) *pack.Pack {
	for _, p := range a.Packs() {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// layout builds the menu and the map nodes as buttons.
func (s *titleScene) layout(a *App) (mapRect layout.Rect, nodes []layout.Rect) {
	u := a.unit()
	s.btn.reset()
	left := layout.Rect{X: 4 * u, Y: 4 * u, W: a.w * 0.3, H: a.h - 12*u}
	// The name, then the tagline, then the menu below whichever is lower:
	// a third of the column down, or the tagline's end.
	big := a.textSize(3.2)
	s.taglineY = 3*u + big*layout.LineHeightFactor
	s.tagline = layout.MakeBlock(tagline, a.textSize(0.9), left.W, a.fonts.Measure)
	menuTop := max(left.Y+left.H*0.36, s.taglineY+s.tagline.Height+1.5*u)
	menu := layout.Rect{X: left.X, Y: menuTop, W: left.W, H: left.Y + left.H - menuTop}
	items := []struct {
		id, label string
		hot       rune
		disabled  bool
		action    func()
	}{
		{"play", "Play", 'p', len(a.Packs()) == 0, func() { a.goTo(newSetup(a, nil)) }},
		{"classroom", "Classroom", 'c', len(a.Packs()) == 0, func() { a.goTo(newClassSetup(a)) }},
		{"review", fmt.Sprintf("Review: %d due", a.dueNow()), 'r', len(a.Packs()) == 0, func() { a.startReview() }},
		{"progress", "Progress", 'g', false, func() { a.goTo(newProgress(a)) }},
		{"packs", "Packs", 'k', false, func() { a.goTo(newPacksScene(a)) }},
		{"settings", "Settings", 's', false, func() { a.goTo(newSettings(a)) }},
		{"quit", "Quit", 'q', false, func() { a.Quit() }},
	}
	rows := layout.Grid(menu, len(items), 1, u)
	for i, it := range items {
		h := min(rows[i].H, 5.5*u)
		b := s.btn.add(&button{id: it.id, r: layout.Rect{X: rows[i].X, Y: rows[i].Y, W: rows[i].W, H: h}, label: it.label, disabled: it.disabled, action: it.action})
		if it.hot != 0 {
			b.hot = []rune{it.hot}
			b.hotkey = strings.ToUpper(string(it.hot))
		}
	}
	// The map: its heading and caption, then the nodes below them.
	mapRect = layout.Rect{X: left.X + left.W + 5*u, W: a.w - left.X - left.W - 9*u}
	s.legend = layout.MakeBlock(legend, a.textSize(0.75), mapRect.W, a.fonts.Measure)
	mapRect.Y = max(9*u, 3.5*u+a.textSize(1.0)*1.4+s.legend.Height+1.5*u)
	mapRect.H = a.h - 6*u - mapRect.Y
	nw, nh := min(mapRect.W*0.24, 24*u), min(mapRect.H*0.17, 8*u*a.textFactor())
	now := a.now()
	for _, n := range axisNodes {
		r := layout.Rect{X: mapRect.X + n.x*mapRect.W - nw/2, Y: mapRect.Y + n.y*mapRect.H - nh/2, W: nw, H: nh}
		r.X = max(mapRect.X, min(r.X, mapRect.X+mapRect.W-nw))
		r.Y = max(mapRect.Y, min(r.Y, mapRect.Y+mapRect.H-nh))
		nodes = append(nodes, r)
		p := s.packByID(a, n.pack)
		b := &button{id: "node:" + n.pack, r: r, label: n.label, disabled: p == nil}
		if p != nil {
			b.label = p.Title // the name the round will show
			m := a.profile.Recall(p, now)
			fill := mix(a.theme.Mastery0, a.theme.Mastery1, m)
			b.fill = &fill
			b.sub = fmt.Sprintf("%d%% recall now", int(m*100+0.5))
			pk := p
			b.action = func() { a.startMapRound(pk) }
		} else {
			b.sub = "pack not loaded"
		}
		s.btn.add(b)
	}
	// Every node's name at one size: the largest at which all fit.
	nodeSize := a.textSize(1)
	for _, b := range s.btn.list {
		if strings.HasPrefix(b.id, "node:") {
			inner := b.r.Inset(u * 0.7)
			blocks, _, _, _ := layout.FitStack([]layout.StackItem{
				{Text: b.label, Factor: 1, Measure: a.fonts.MeasureBold},
				{Text: b.sub, Factor: 0.8, Measure: a.fonts.Measure},
			}, a.textSize(1), a.minText()*0.85, inner.W, inner.H)
			nodeSize = min(nodeSize, blocks[0].Size)
		}
	}
	for _, b := range s.btn.list {
		if strings.HasPrefix(b.id, "node:") {
			b.size = nodeSize
		}
	}
	return mapRect, nodes
}

func (s *titleScene) Update(a *App, evs []Event) {
	s.layout(a)
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			continue // the title is the root: Esc does nothing here
		}
		s.btn.handle(ev)
	}
}

func (s *titleScene) Animating(a *App) bool { return false }

func (s *titleScene) Draw(a *App, dst *ebiten.Image) {
	mapRect, nodes := s.layout(a)
	u := a.unit()
	t := a.theme
	x := 4 * u
	a.fonts.drawLine(dst, "gutskin", x, 3*u, a.textSize(3.2), true, t.Text, Left)
	a.fonts.drawBlock(dst, s.tagline, x, s.taglineY, false, t.Muted, Left)

	// The map: title, arrows, then nodes on top.
	head, hs := layout.FitLine("The gut-skin axis: pick a mechanism to play it", a.textSize(1.0), a.minText(), mapRect.W, a.fonts.MeasureBold)
	a.fonts.drawLine(dst, head, mapRect.X, 3.5*u, hs, true, t.Text, Left)
	a.fonts.drawBlock(dst, s.legend, mapRect.X, 3.5*u+a.textSize(1.0)*1.4, false, t.Muted, Left)
	for _, l := range axisLinks {
		from, to := nodes[l[0]], nodes[l[1]]
		x0, y0 := clipToRect(from.Inset(-u*0.4), to.X+to.W/2, to.Y+to.H/2)
		x1, y1 := clipToRect(to.Inset(-u*0.4), from.X+from.W/2, from.Y+from.H/2)
		arrow(dst, x0, y0, x1, y1, max(1.5, u*0.25), u*1.2, t.Muted)
	}
	s.btn.draw(a, dst)
	// A bar under each node shows its mastery as a length, not only a colour.
	now := a.now()
	for i, n := range axisNodes {
		if p := s.packByID(a, n.pack); p != nil {
			r := nodes[i]
			bar := layout.Rect{X: r.X + u*0.6, Y: r.Y + r.H - u*0.9, W: r.W - u*1.2, H: u * 0.35}
			fillRect(dst, bar, withAlpha(t.Text, 0.2))
			fillRect(dst, layout.Rect{X: bar.X, Y: bar.Y, W: bar.W * a.profile.Recall(p, now), H: bar.H}, t.Text)
		}
	}

	drawRecallKey(a, dst, mapRect)

	// Player and save status.
	status := fmt.Sprintf("Player: %s · %s played", a.profileName(), countNoun(len(a.profile.History), "round"))
	size := a.textSize(0.75)
	a.fonts.drawLine(dst, layout.Truncate(status, size, a.w*0.3, a.fonts.Measure), x, a.h-4*u-size*layout.LineHeightFactor, size, false, t.Muted, Left)
	if msg := a.noticeText(); msg != "" {
		blk := layout.MakeBlock(msg, size, a.w*0.3, a.fonts.Measure)
		a.fonts.drawBlock(dst, blk, x, a.h-4.5*u-size*layout.LineHeightFactor-blk.Height, false, t.Wrong, Left)
	}
	hintBar(a, dst, "Arrows + Enter choose", "P play", "C classroom", "R review", "G progress", "S settings", "F11 fullscreen", "F12 screenshot", "Q quit")
}

// drawRecallKey draws the map's colour key, from 0% to 100% recall now,
// at the bottom centre of the map (between the bottom nodes).
func drawRecallKey(a *App, dst *ebiten.Image, m layout.Rect) {
	u, t := a.unit(), a.theme
	size := a.textSize(0.7)
	w := m.W * 0.3
	bar := layout.Rect{X: m.X + m.W*0.5 - w/2, Y: m.Y + m.H - u*1.2, W: w, H: u * 1.2}
	const steps = 24
	for i := range steps {
		f := float64(i) / (steps - 1)
		fillRect(dst, layout.Rect{X: bar.X + bar.W*float64(i)/steps, Y: bar.Y, W: bar.W/steps + 0.5, H: bar.H}, mix(t.Mastery0, t.Mastery1, f))
	}
	ty := bar.Y - size*layout.LineHeightFactor - u*0.3
	a.fonts.drawLine(dst, "0%", bar.X, ty, size, false, t.Muted, Left)
	if m := a.fonts.Measure; m("0%", size)+m("recall now", size)+m("100%", size)+2*u < bar.W {
		a.fonts.drawLine(dst, "recall now", bar.X+bar.W/2, ty, size, false, t.Muted, Center)
	}
	a.fonts.drawLine(dst, "100%", bar.X+bar.W, ty, size, false, t.Muted, Right)
}

// clipToRect returns where the segment from r's centre towards (tx, ty)
// leaves r, so arrows start and end at node borders.
func clipToRect(r layout.Rect, tx, ty float64) (float64, float64) {
	cx, cy := r.X+r.W/2, r.Y+r.H/2
	dx, dy := tx-cx, ty-cy
	if dx == 0 && dy == 0 {
		return cx, cy
	}
	sx, sy := 1e18, 1e18
	if dx != 0 {
		sx = (r.W / 2) / abs(dx)
	}
	if dy != 0 {
		sy = (r.H / 2) / abs(dy)
	}
	k := min(sx, sy)
	return cx + dx*k, cy + dy*k
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// countNoun renders "1 round", "2 rounds".
func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
