package pack

// Question images: where they may be, and what they must be.

import (
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // image formats a pack may use
	_ "image/png"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// checkImages checks that every image path stays inside the pack's folder
// and names a PNG or JPEG file that exists.
func (d *decoder) checkImages(p *Pack, fsys fs.FS, dir string) {
	for i, q := range p.Questions {
		if q.Image == "" {
			continue
		}
		kp := join(join("questions", strconv.Itoa(i)), "image")
		full, err := ImagePath(dir, q.Image)
		if err != nil {
			d.errorf(kp, "image %q: %v", q.Image, err)
			continue
		}
		ext := strings.ToLower(path.Ext(full))
		if ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
			d.errorf(kp, "image %q must be a .png, .jpg or .jpeg file", q.Image)
			continue
		}
		if isSymlink(fsys, full) {
			d.errorf(kp, "image %q is a symbolic link; images must be files inside the pack's folder", q.Image)
			continue
		}
		st, err := fs.Stat(fsys, full)
		switch {
		case err != nil:
			d.errorf(kp, "image %q not found next to the pack", q.Image)
		case !st.Mode().IsRegular():
			d.errorf(kp, "image %q is not a regular file", q.Image)
		case st.Size() > MaxImageSize:
			d.errorf(kp, "image %q is %d bytes, over the 8 MiB limit", q.Image, st.Size())
		default:
			if msg := checkImage(fsys, full); msg != "" {
				d.errorf(kp, "image %q %s", q.Image, msg)
			}
		}
	}
}

// MaxImageSize and MaxImageSide bound a question's image, so that a pack
// cannot make the game decode a huge picture.
const (
	MaxImageSize = 8 << 20
	MaxImageSide = 4096
)

// checkImage reads an image's header: it must be a PNG or JPEG of sensible
// dimensions. It returns what is wrong, or "".
func checkImage(fsys fs.FS, name string) string {
	f, err := fsys.Open(name)
	if err != nil {
		return "cannot be read"
	}
	defer f.Close()
	return ImageProblem(f)
}

// ImageProblem reads an image's header from r and says what keeps it from
// being a question's image ("is not a PNG or JPEG image"), or "".
func ImageProblem(r io.Reader) string {
	cfg, format, err := image.DecodeConfig(r)
	switch {
	case err != nil:
		return "is not a PNG or JPEG image"
	case format != "png" && format != "jpeg":
		return "is a " + format + " image, not a PNG or JPEG"
	case cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide:
		return fmt.Sprintf("is %dx%d pixels, more than %d on a side", cfg.Width, cfg.Height, MaxImageSide)
	}
	return ""
}

// isSymlink reports whether name is a symbolic link, where the file system
// can tell (os.DirFS can; embedded files are never links).
func isSymlink(fsys fs.FS, name string) bool {
	if _, ok := fsys.(fs.ReadLinkFS); !ok {
		return false
	}
	st, err := fs.Lstat(fsys, name)
	return err == nil && st.Mode()&fs.ModeSymlink != 0
}

// ImagePath resolves an image path given in a pack against the pack's folder
// dir, refusing paths that are absolute or that leave the folder.
func ImagePath(dir, image string) (string, error) {
	if strings.Contains(image, `\`) {
		return "", errors.New("use / to separate folders")
	}
	if path.IsAbs(image) || (len(image) > 1 && image[1] == ':') {
		return "", errors.New("path must be relative to the pack file")
	}
	clean := path.Clean(image)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", errors.New("path leaves the pack's folder")
	}
	full := path.Join(dir, clean)
	if !fs.ValidPath(full) {
		return "", errors.New("path is not valid")
	}
	return full, nil
}
