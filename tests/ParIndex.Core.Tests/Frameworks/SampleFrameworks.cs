using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Frameworks;

/// <summary>Small frameworks built in code for the file and validator tests.</summary>
internal static class SampleFrameworks
{
    public static Framework Minimal(params FrameworkNode[] nodes) => new()
    {
        Id = "test",
        Version = "1",
        Year = 2023,
        Title = "Bộ tiêu chí thử",
        LegalBasis = "876/QĐ-BNV",
        Nodes = nodes,
    };

    /// <summary>Valid: field 1 (1.1 manual 0,5 + 1.2 ratio 1,5 = 2), field 2 (survey 1).</summary>
    public static Framework Valid() => Minimal(
        new FrameworkNode
        {
            Code = "1",
            Title = "Công tác chỉ đạo, điều hành",
            Max = 2m,
            Children =
            [
                Leaf("1.1", 0.5m, ManualRule.Instance),
                Leaf("1.2", 1.5m, new RatioRule(1m, "Số hồ sơ đúng hạn", "Tổng số hồ sơ")),
            ],
        },
        new FrameworkNode { Code = "2", Title = "Cải cách thể chế", Max = 1m, Children = [Leaf("2.1", 1m, SurveyRule.Instance)] });

    /// <summary>One leaf of every method, with every optional property set.</summary>
    public static Framework EveryRule() => new()
    {
        Id = "every-rule",
        Version = "2024.2",
        Year = 2024,
        Title = "Đủ mọi phương thức",
        UnitKind = "district",
        LegalBasis = null,
        Nodes =
        [
            new FrameworkNode
            {
                Code = "1",
                Title = "Lĩnh vực một",
                Max = 5.75m,
                Children =
                [
                    new FrameworkNode
                    {
                        Code = "1.1",
                        Title = "Ban hành kế hoạch",
                        Max = 1m,
                        Guidance = "Kèm văn bản ban hành kế hoạch.",
                        Rule = new LevelsRule([new("kip-thoi", "Ban hành kịp thời", 1m), new("cham", "Không kịp thời", 0.5m), new("khong", "Không ban hành", 0m)]),
                    },
                    Leaf("1.2", 2m, new BandsRule([new(90m, null, 2m, false, "trên 90%", FromExclusive: true), new(70m, 90m, 1m, true), new(null, 70m, 0m)], "Tỷ lệ hoàn thành (%)")),
                    Leaf("1.3", 1.5m, new RatioRule(0.95m, "Số hồ sơ đúng hạn", "Tổng số hồ sơ")),
                    Leaf("1.4", 1m, new ExpressionRule([new("base", "Năm cơ sở"), new("now", "Năm đánh giá")], "max * min(1, ((base - now) / base * 100) / 20)")),
                    Leaf("1.5", 0.25m, new BonusPenaltyRule(-1m, 0.25m)),
                ],
            },
            new FrameworkNode
            {
                Code = "2",
                Title = "Lĩnh vực hai",
                Max = 2m,
                Children = [Leaf("2.1", 1m, SurveyRule.Instance), Leaf("2.2", 1m, null)],
            },
        ],
    };

    public static FrameworkNode Leaf(string code, decimal max, ScoringRule? rule) => new() { Code = code, Title = $"Tiêu chí {code}", Max = max, Rule = rule };
}
