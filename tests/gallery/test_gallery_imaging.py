"""Image processing: orientation, metadata stripping, colour modes, profiles."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from gallery import jobs
from gallery.jobs import Job

QUADRANTS = {"tl": (220, 30, 30), "tr": (30, 200, 30), "bl": (30, 30, 220), "br": (230, 230, 40)}
# EXIF orientation -> how the stored pixels relate to the upright picture (EXIF 2.3, tag 274):
# the viewer applies the inverse of this transform to show the picture upright.
STORED_FROM_UPRIGHT = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,  # stored turned 90° anticlockwise; shown turned clockwise
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def upright_image() -> Image.Image:
    """Return a 160×80 picture with four coloured quadrants (asymmetric)."""
    image = Image.new("RGB", (160, 80))
    for name, box in {"tl": (0, 0, 80, 40), "tr": (80, 0, 160, 40),
                      "bl": (0, 40, 80, 80), "br": (80, 40, 160, 80)}.items():
        image.paste(QUADRANTS[name], box)
    return image


def job_for(tmp_path: Path, source: Path, profile: str = "photo", **changes: object) -> Job:
    """Return a job writing into tmp_path/out."""
    values = dict(
        key=f"k/{source.stem}", source=str(source), profile=profile, output_root=str(tmp_path / "out"),
        url_dir="images/t", stem=source.stem, alt="texte", widths=(80, 160) if profile != "portrait" else (40, 80),
        max_width=2400, box=(100, 50), formats=("webp", "jpeg"), jpeg_quality=90, webp_quality=90,
        webp_method=0, max_aspect=4.0,
    )
    values.update(changes)
    return Job(**values)  # type: ignore[arg-type]


def close(colour: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 40) -> bool:
    """Return True when two colours differ by at most tolerance on each channel."""
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(tmp_path: Path, orientation: int) -> None:
    transform = STORED_FROM_UPRIGHT[orientation]
    stored = upright_image() if transform is None else upright_image().transpose(transform)
    exif = Image.Exif()
    exif[0x0112] = orientation
    source = tmp_path / f"o{orientation}.jpg"
    stored.save(source, "JPEG", quality=95, exif=exif)

    outcome = jobs.process(job_for(tmp_path, source))

    assert outcome.error == ""
    for relative in outcome.outputs:
        with Image.open(tmp_path / "out" / relative) as out:
            out = out.convert("RGB")
            w, h = out.size
            assert w == 2 * h, (relative, out.size)
            samples = {"tl": (w // 4, h // 4), "tr": (3 * w // 4, h // 4),
                       "bl": (w // 4, 3 * h // 4), "br": (3 * w // 4, 3 * h // 4)}
            for name, xy in samples.items():
                assert close(out.getpixel(xy), QUADRANTS[name]), (orientation, relative, name)


def source_with_metadata(path: Path, fmt: str = "JPEG") -> Path:
    """Write an image carrying EXIF (with GPS), XMP, an ICC profile and a comment."""
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0110] = "SecretPhone"  # Model
    exif[0x0112] = 1
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (45.0, 45.0, 0.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">SECRETXMP</x:xmpmeta>'
    image = upright_image()
    options: dict[str, object] = {"exif": exif, "icc_profile": icc, "xmp": xmp}
    if fmt == "JPEG":
        options["comment"] = b"SECRETCOMMENT"
    image.save(path, fmt, **options)
    return path


@pytest.mark.parametrize("fmt,profile", [("JPEG", "photo"), ("PNG", "logo"), ("JPEG", "portrait")])
def test_outputs_carry_no_metadata(tmp_path: Path, fmt: str, profile: str) -> None:
    source = source_with_metadata(tmp_path / f"meta.{fmt.lower()}", fmt)
    with Image.open(source) as check:  # the source really has it all
        assert check.getexif() and "icc_profile" in check.info

    outcome = jobs.process(job_for(tmp_path, source, profile))

    assert outcome.error == "" and outcome.outputs
    for relative in outcome.outputs:
        data = (tmp_path / "out" / relative).read_bytes()
        for marker in (b"Exif\x00\x00", b"EXIF", b"SecretPhone", b"CameraMaker", b"SECRETXMP",
                       b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"ICCP", b"iCCP", b"SECRETCOMMENT",
                       b"eXIf", b"XMP "):
            assert marker not in data, (relative, marker)
        with Image.open(io.BytesIO(data)) as out:
            assert not out.getexif(), relative
            for key in ("exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"):
                assert key not in out.info, (relative, key)


def test_cmyk_and_16_bit_become_8_bit_srgb(tmp_path: Path) -> None:
    cmyk = tmp_path / "cmyk.jpg"
    upright_image().convert("CMYK").save(cmyk, "JPEG", quality=95)
    sixteen = tmp_path / "gris16.png"
    Image.linear_gradient("L").resize((160, 80)).convert("I").point(lambda v: v * 256).convert("I;16").save(sixteen)
    palette = tmp_path / "palette.png"
    upright_image().convert("P").save(palette)

    for source in (cmyk, sixteen, palette):
        outcome = jobs.process(job_for(tmp_path, source))
        assert outcome.error == "", source
        for relative in outcome.outputs:
            with Image.open(tmp_path / "out" / relative) as out:
                assert out.mode == "RGB", (source, relative, out.mode)
    cmyk_out = jobs.process(job_for(tmp_path, cmyk))
    with Image.open(tmp_path / "out" / cmyk_out.outputs[-1]) as out:
        assert close(out.convert("RGB").getpixel((10, 10)), QUADRANTS["tl"], 60)
    assert "CMJN" in cmyk_out.note
    assert "16 bits" in jobs.process(job_for(tmp_path, sixteen)).note


def test_photo_widths_never_upscale_and_cap_the_original(tmp_path: Path, make_photo) -> None:
    small = make_photo(tmp_path / "small.jpg", (150, 100))
    big = make_photo(tmp_path / "big.jpg", (1000, 500))

    small_pic = jobs.process(job_for(tmp_path, small, widths=(80, 480))).picture
    big_pic = jobs.process(job_for(tmp_path, big, widths=(80, 480), max_width=600)).picture

    assert small_pic is not None and big_pic is not None
    assert sorted({v.width for v in small_pic.variants}) == [80, 150]
    assert sorted({v.width for v in big_pic.variants}) == [80, 480, 600]
    assert (big_pic.width, big_pic.height) == (600, 300)
    assert big_pic.fallback.format == "jpeg" and big_pic.fallback.width == 600
    assert big_pic.placeholder.startswith("#") and len(big_pic.placeholder) == 7


def test_portrait_is_a_centred_square(tmp_path: Path, make_photo) -> None:
    source = make_photo(tmp_path / "face.jpg", (300, 500))
    picture = jobs.process(job_for(tmp_path, source, "portrait", widths=(160, 320, 480))).picture
    assert picture is not None
    assert all(v.width == v.height for v in picture.variants)
    assert max(v.width for v in picture.variants) == 300  # never upscaled


def test_logo_fits_the_box_without_distortion_and_keeps_alpha(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    logo = Image.new("RGBA", (1000, 200), (0, 0, 0, 0))
    logo.paste((200, 10, 10, 255), (0, 0, 500, 200))
    logo.save(source)

    outcome = jobs.process(job_for(tmp_path, source, "logo", box=(320, 160)))

    picture = outcome.picture
    assert picture is not None and (picture.width, picture.height) == (320, 64)
    assert {v.format for v in picture.variants} == {"png", "webp"}
    for variant in picture.variants:
        assert variant.width * 200 == pytest.approx(variant.height * 1000, abs=1000)
        with Image.open(tmp_path / "out" / variant.url) as out:
            assert out.mode == "RGBA" and out.getpixel((out.width - 1, 0))[3] == 0


def test_widths_encoded_in_threads_are_the_same_files_with_the_method_of_each_width(tmp_path: Path, make_photo) -> None:
    # A lone photo on several cores encodes its widths in threads: same files, byte for byte.
    # Each width gets its own WebP effort: {0: 4, 1000: 0} makes the 1200 px file with method 0.
    source = make_photo(tmp_path / "src" / "photo.jpg", (1600, 1000))
    methods = ((0, 4), (1000, 0))
    alone = jobs.process(job_for(tmp_path / "one", source, widths=(300, 600), max_width=1200, webp_method=methods))
    threaded = jobs.process(job_for(tmp_path / "two", source, widths=(300, 600), max_width=1200,
                                    webp_method=methods, threads=3))
    assert alone.outputs == threaded.outputs and len(alone.outputs) == 6
    for relative in alone.outputs:
        first = (tmp_path / "one" / "out" / relative).read_bytes()
        assert first == (tmp_path / "two" / "out" / relative).read_bytes(), relative
    slow = jobs.process(job_for(tmp_path / "four", source, widths=(300, 600), max_width=1200, webp_method=4))
    webp = [r for r in alone.outputs if r.endswith(".webp")]
    sizes = {r: (tmp_path / "one" / "out" / r).stat().st_size for r in webp}
    slow_sizes = {r: (tmp_path / "four" / "out" / r).stat().st_size for r in webp}
    wide = next(r for r in webp if r.endswith("-1200.webp"))
    assert sizes[wide] != slow_sizes[wide]  # method 0 at 1200 px
    assert all(sizes[r] == slow_sizes[r] for r in webp if r != wide)  # method 4 below 1000 px
