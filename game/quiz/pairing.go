package quiz

// Pairing is a match answer composed by taps: a left item and then a right
// one (or a right one and then a left one) make a pair; a left item tapped
// twice, or a paired right item tapped, undoes its pair. Right items are
// named by their pair index, not by where they are shown.
type Pairing struct {
	// Match maps each left item to the pair index of its right item, -1
	// while unpaired. Answer.Match takes it as it is.
	Match []int
	// Left is the left item chosen and waiting for its right one, -1 if none;
	// Right the right item (pair index) waiting for its left one.
	Left, Right int
}

// NewPairing starts a pairing of n pairs with nothing paired.
func NewPairing(n int) Pairing {
	p := Pairing{Match: make([]int, n), Left: -1, Right: -1}
	for i := range p.Match {
		p.Match[i] = -1
	}
	return p
}

// TapLeft is a tap on left item i.
func (p *Pairing) TapLeft(i int) {
	switch {
	case p.Right >= 0:
		p.pair(i, p.Right)
		p.Right = -1
	case p.Left == i:
		p.Left = -1
		p.Match[i] = -1 // a second tap undoes the pair
	default:
		p.Left = i
	}
}

// TapRight is a tap on the right item of pair index j.
func (p *Pairing) TapRight(j int) {
	switch {
	case p.Left >= 0:
		p.pair(p.Left, j)
		p.Left = -1
	case p.Right == j:
		p.Right = -1
	case p.pairedLeft(j) >= 0:
		p.Match[p.pairedLeft(j)] = -1 // tapping a paired item undoes its pair
		p.Right = -1
	default:
		p.Right = j
	}
}

// pairedLeft is the left item paired with right item j, -1 if none.
func (p *Pairing) pairedLeft(j int) int {
	for i, m := range p.Match {
		if m == j {
			return i
		}
	}
	return -1
}

// pair pairs left item i with right item j, undoing any pair either was in.
func (p *Pairing) pair(i, j int) {
	if k := p.pairedLeft(j); k >= 0 {
		p.Match[k] = -1
	}
	p.Match[i] = j
}
