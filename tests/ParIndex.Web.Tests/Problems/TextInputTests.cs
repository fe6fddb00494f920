using System.Text;
using ParIndex.Data;
using ParIndex.Web.Problems;

namespace ParIndex.Web.Tests.Problems;

/// <summary>The cleaning and limits every text input passes through (no app host needed).</summary>
public class TextInputTests
{
    [Fact]
    public void C0_controls_and_lone_surrogates_go_tab_and_line_breaks_stay()
    {
        Assert.Equal("a\tb\r\nc😀", TextLimits.Clean("a\0\tb\u0001\r\n\u007Fc\uD800😀\uDC00"));
        const string ordinary = "Giải trình 99,9% — đúng hạn\n";
        Assert.Same(ordinary, TextLimits.Clean(ordinary));
    }

    [Fact]
    public void A_single_line_loses_bidi_controls_and_line_breaks_become_spaces()
    {
        Assert.Equal("gnp.exe a b", TextLimits.Clean("\u202Egnp.exe\u200F\u2066 a\nb\u2069\u061C", singleLine: true));
        Assert.Equal("\u202Egnp.exe", TextLimits.Clean("\u202Egnp.exe"));
    }

    [Fact]
    public void Over_the_limit_is_a_400_naming_the_field_and_the_limit()
    {
        var error = Assert.Throws<FieldValidationException>(() => TextInput.Text(new string('x', 20_001), "explanation", "Giải trình", TextLimits.Explanation));
        Assert.Equal(400, error.Status);
        Assert.Contains("20.000", error.Message, StringComparison.Ordinal);
        Assert.Equal(["explanation"], error.Errors.Select(e => e.Field));
        // Removed characters do not count: 20 000 letters and a NUL fit.
        Assert.Equal(20_000, TextInput.Text(new string('x', 20_000) + "\0", "explanation", "Giải trình", TextLimits.Explanation)!.Length);
        Assert.Null(TextInput.Line(null, "documentNumber", "Số", TextLimits.DocumentNumber));
    }

    [Theory]
    [InlineData("poly.html", EvidenceContentType.Pdf, "poly.html.pdf")]
    [InlineData("C:\\Users\\a\\Kế hoạch.PDF", EvidenceContentType.Pdf, "Kế hoạch.PDF")]
    [InlineData("../../anh.jpg", EvidenceContentType.Jpeg, "anh.jpg")]
    [InlineData("bang-diem.xlsx", EvidenceContentType.Docx, "bang-diem.xlsx.docx")]
    [InlineData("", EvidenceContentType.Png, "tai-lieu.png")]
    [InlineData(".pdf", EvidenceContentType.Pdf, "tai-lieu.pdf")]
    [InlineData("a\u202E\0b.pdf", EvidenceContentType.Pdf, "ab.pdf")]
    public void Evidence_names_follow_the_detected_type(string uploaded, string contentType, string expected) =>
        Assert.Equal(expected, EvidenceFileName.For(uploaded, contentType));

    [Fact]
    public void A_long_name_is_cut_between_text_elements_and_keeps_its_extension()
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var prefix in new[] { "", "x", "xy" })
        {
            // Emoji, and a letter with a combining mark (e + U+0301), which must not be separated either.
            var name = prefix + string.Concat(Enumerable.Repeat("😀e\u0301", 120)) + ".pdf";
            var cut = EvidenceFileName.For(name, EvidenceContentType.Pdf);
            Assert.True(cut.Length <= TextLimits.DisplayFileName, cut);
            Assert.EndsWith(".pdf", cut, StringComparison.Ordinal);
            var stem = cut[..^4];
            Assert.True(stem.EndsWith("😀", StringComparison.Ordinal) || stem.EndsWith("e\u0301", StringComparison.Ordinal), stem);
            Assert.True(stem.Length >= TextLimits.DisplayFileName - 4 - 2, "cut no more than one element short");
            Assert.StartsWith(prefix, cut, StringComparison.Ordinal);
            _ = strict.GetBytes(cut); // throws on a lone surrogate
        }
    }
}
