using ParIndex.Core.Text;

namespace ParIndex.Core.Tests.Text;

public sealed class AsciiSlugTests
{
    [Theory]
    [InlineData("Tỉnh Bắc Giang", "tinh-bac-giang")]
    [InlineData("ĐẮK LẮK", "dak-lak")]
    [InlineData("Sở Kế hoạch và Đầu tư", "so-ke-hoach-va-dau-tu")]
    [InlineData("  --Huyện  Lục Ngạn (mẫu)--  ", "huyen-luc-ngan-mau")]
    [InlineData("UBND 12", "ubnd-12")]
    [InlineData("bac-giang", "bac-giang")]
    [InlineData("—", "")]
    [InlineData("", "")]
    public void Vietnamese_text_becomes_lower_case_ascii_words_joined_by_single_hyphens(string text, string expected) =>
        Assert.Equal(expected, AsciiSlug.Of(text));

    [Fact]
    public void Null_is_refused() => Assert.Throws<ArgumentNullException>(() => AsciiSlug.Of(null!));
}
