using ParIndex.Core.Surveys;
using ParIndex.Surveys.Demo;
using ParIndex.Web.Surveys;

namespace ParIndex.Web.Tests.Surveys;

/// <summary>The editor's one-line answer scales: parsed the Vietnamese way and written back unchanged.</summary>
public sealed class ScaleTextTests
{
    [Fact]
    public void The_abcd_line_gives_the_methodology_shares_and_a_not_valid_answer()
    {
        var scale = ScaleText.TryParse(ScaleText.Options, "A=100; B=60; C=20; D=0; E=không biết", out var errors);
        Assert.Empty(errors);
        Assert.Equal([1m, 0.6m, 0.2m, 0m, null], scale!.Options.Select(o => o.Share));
        Assert.False(scale.Options[4].IsValid);
        Assert.Equal(ScaleText.Format(scale), ScaleText.Format(ScaleText.TryParse(ScaleText.Options, ScaleText.Format(scale), out _)!));
    }

    [Fact]
    public void Every_demo_scale_and_a_custom_likert_round_trip()
    {
        var custom = new LikertScale([0m, 0.2m, 0.5m, 0.8m, 1m], [5], [new AnswerOption("9", "Không trả lời", null)], ["Rất kém", "Kém", "Trung bình", "Tốt", "Rất tốt"]);
        foreach (var (kind, scale) in new (string, AnswerScale)[] { (ScaleText.Options, DemoSurvey.AbcdScale), (ScaleText.Likert, DemoSurvey.SatisfactionScale), (ScaleText.Likert, custom), (ScaleText.Likert, new LikertScale()) })
        {
            var text = ScaleText.Format(scale);
            var parsed = ScaleText.TryParse(kind, text, out var errors);
            Assert.Empty(errors);
            Assert.Equal(scale.Options, parsed!.Options);
        }

        Assert.Equal("", ScaleText.Format(new LikertScale()));
        Assert.Equal("1=0 (Rất kém); 2=20 (Kém); 3=50 (Trung bình); 4=80 (Tốt); 5=100* (Rất tốt); 9=không biết (Không trả lời)", ScaleText.Format(custom));
    }

    [Theory]
    [InlineData(ScaleText.Options, "A=100; B", "\"B\": cần dạng MÃ=TỶ LỆ")]
    [InlineData(ScaleText.Options, "A=100; A=60", "Mã phương án A bị trùng.")]
    [InlineData(ScaleText.Options, "A=120", "tỷ lệ 120% phải từ 0 đến 100")]
    [InlineData(ScaleText.Options, "", "Chưa nhập phương án trả lời")]
    [InlineData(ScaleText.Likert, "1=0; 2=50", "nhập đủ cả 5 mức (đang có 2)")]
    [InlineData(ScaleText.Likert, "6=100", "phương án khác phải là \"không biết\"")]
    public void Mistakes_are_named_in_Vietnamese(string kind, string text, string expected)
    {
        Assert.Null(ScaleText.TryParse(kind, text, out var errors));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Percentages_take_a_decimal_comma()
    {
        var scale = ScaleText.TryParse(ScaleText.Options, "A=100; B=12,5; C=0.5%", out var errors);
        Assert.Empty(errors);
        Assert.Equal([1m, 0.125m, 0.005m], scale!.Options.Select(o => o.Share));
    }
}
