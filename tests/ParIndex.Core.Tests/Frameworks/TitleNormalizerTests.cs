using System.Text;
using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Frameworks;

public class TitleNormalizerTests
{
    [Theory]
    [InlineData("Cải cách hành chính", "cải cách hành chính")]
    [InlineData("  CẢI   CÁCH\tHÀNH\nCHÍNH  ", "cải cách hành chính")]
    [InlineData("1.3. Công tác kiểm tra", "công tác kiểm tra")]
    [InlineData("1.3 Công tác kiểm tra", "công tác kiểm tra")]
    [InlineData("2) Công tác kiểm tra", "công tác kiểm tra")]
    [InlineData("2. Công tác kiểm tra", "công tác kiểm tra")]
    [InlineData("a) Công tác kiểm tra", "công tác kiểm tra")]
    [InlineData("Đ. Công tác kiểm tra", "công tác kiểm tra")]
    [InlineData("Tỷ lệ (%) hồ sơ: đúng hạn; trễ hạn!", "tỷ lệ hồ sơ đúng hạn trễ hạn")]
    [InlineData("Theo dõi thi hành pháp luật (TDTHPL)", "theo dõi thi hành pháp luật tdthpl")]
    [InlineData("30 ngày làm việc", "30 ngày làm việc")]
    [InlineData("100% hồ sơ", "100 hồ sơ")]
    [InlineData("1.3.", "")]
    [InlineData("...", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("ab) Công tác", "ab công tác")]
    [InlineData("Cải\u0001cách", "cải cách")]
    [InlineData("Thu + chi → cân đối", "thu chi cân đối")]
    [InlineData("(TDTHPL) theo dõi", "tdthpl theo dõi")]
    [InlineData("1.3.Công tác", "1 3 công tác")]
    [InlineData("Công tác 1.3. kiểm tra", "công tác 1 3 kiểm tra")]
    public void Normalize(string? title, string expected) => Assert.Equal(expected, TitleNormalizer.Normalize(title));

    [Fact]
    public void Decomposed_and_composed_text_normalise_alike()
    {
        const string title = "Cải cách thể chế";
        Assert.Equal(TitleNormalizer.Normalize(title), TitleNormalizer.Normalize(title.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Diacritics_are_kept_in_the_strong_key_and_dropped_in_the_weak_one()
    {
        Assert.NotEqual(TitleNormalizer.Normalize("Cải cách"), TitleNormalizer.Normalize("Cài cách"));
        Assert.Equal("cai cach", TitleNormalizer.WithoutDiacritics("Cải cách"));
        Assert.Equal(TitleNormalizer.WithoutDiacritics("Cải cách"), TitleNormalizer.WithoutDiacritics("Cài cách"));
        Assert.Equal("dieu hanh don vi", TitleNormalizer.WithoutDiacritics("ĐIỀU HÀNH ĐƠN VỊ"));
        Assert.Equal("", TitleNormalizer.WithoutDiacritics(null));
    }

    [Theory]
    [InlineData("  Cải  cách\nhành chính ", "Cải cách hành chính")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void Tidy_collapses_whitespace_and_keeps_everything_else(string? text, string expected) =>
        Assert.Equal(expected, TitleNormalizer.Tidy(text));

    [Theory]
    [InlineData("Đơn vị SNCL.", "Đơn vị SNCL")]
    [InlineData("Đơn vị SNCL .", "Đơn vị SNCL")]
    [InlineData("Đơn vị SNCL", "Đơn vị SNCL")]
    [InlineData("Đơn vị: SNCL:", "Đơn vị: SNCL:")]
    public void ForComparison_drops_only_a_final_full_stop(string text, string expected) =>
        Assert.Equal(expected, TitleNormalizer.ForComparison(text));
}
