using ParIndex.Core.Frameworks;
using ParIndex.Core.OfficialTables;
using ParIndex.Core.Tests.OfficialTables;

namespace ParIndex.Core.Tests.Frameworks;

public class FrameworkDraftTests
{
    [Fact]
    public void The_seed_gives_a_valid_draft_with_101_leaves_total_100_and_survey_32()
    {
        var draft = FrameworkDraft.FromTable(Seed.Read(), "province");

        Assert.Empty(FrameworkValidator.Validate(draft));
        Assert.Equal(101, draft.Leaves().Count());
        Assert.Equal(100m, draft.TotalMax);
        Assert.Equal(32m, draft.SurveyMax);
        Assert.Equal(("province-2023-draft", "1", 2023, "province", null), (draft.Id, draft.Version, draft.Year, draft.UnitKind, draft.LegalBasis));
        Assert.Equal("Bộ tiêu chí province 2023 (bản nháp từ biểu)", draft.Title);
        Assert.All(draft.Leaves(), leaf => Assert.True(leaf.Rule is ManualRule or SurveyRule));
        Assert.All(draft.AllNodes().Where(n => !n.IsLeaf), node => Assert.Null(node.Rule));
        Assert.All(draft.AllNodes(), node => Assert.Null(node.Guidance));
    }

    [Fact]
    public void The_seed_draft_differs_from_the_built_in_framework_only_in_rules_and_the_seed_s_own_wording()
    {
        var diff = FrameworkDiff.Compare(BuiltInFrameworks.Province2023, FrameworkDraft.FromTable(Seed.Read(), "province"));

        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.DoesNotContain(diff.Changed, c => c.What is FrameworkDiff.Max or FrameworkDiff.Parent or FrameworkDiff.Order or FrameworkDiff.Guidance);
        // The survey marks of the table give exactly the built-in survey leaves; the built-in's
        // computed leaves (ratio, expression) become manual.
        Assert.Equal(["3.4.1", "3.4.2", "3.4.3", "4.1.3", "6.1.3", "7.3.6", "8.5"], diff.Changed.Where(c => c.What == FrameworkDiff.Rule).Select(c => c.Code));
        Assert.All(diff.Changed.Where(c => c.What == FrameworkDiff.Rule), c => Assert.Equal("manual", c.New));
        // The one title difference is the seed document's own: it prints field 7 without "TỬ"; the built-in corrects it.
        var title = Assert.Single(diff.Changed, c => c.What == FrameworkDiff.Title);
        Assert.Equal(new FrameworkChange("7", "title", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN, CHÍNH QUYỀN SỐ"), title);
    }

    [Fact]
    public void The_draft_file_round_trips_through_the_reader()
    {
        var draft = FrameworkDraft.FromTable(Seed.Read(), "department", 2025, "  PAR INDEX Sở 2025  ", " so-2025 ");
        var read = FrameworkFile.Read(FrameworkFile.ToJson(draft));
        Assert.True(FrameworkDiff.Compare(draft, read).IsEmpty);
        Assert.Equal(("so-2025", 2025, "PAR INDEX Sở 2025", "department"), (read.Id, read.Year, read.Title, read.UnitKind));
    }

    [Fact]
    public void Titles_are_tidied_and_inner_rows_carry_no_rule()
    {
        var table = OfficialTableBuilder.Build(
            ["BIỂU", "CHỈ SỐ CCHC năm 2024"],
            [
                new RawTableRow("1", "Lĩnh  vực\nmột", "2", null, "", 3),
                new RawTableRow("1.1", "Khảo sát", "1", null, OfficialTableBuilder.SurveyPhrase, 4),
                new RawTableRow("1.2", "Thủ công", "1", null, "giải trình", 5),
            ]);
        var draft = FrameworkDraft.FromTable(table, "commune");
        Assert.Equal(2024, draft.Year);
        var field = Assert.Single(draft.Nodes);
        Assert.Equal(("Lĩnh vực một", 2m, null), (field.Title, field.Max, field.Rule));
        Assert.Same(SurveyRule.Instance, field.Children[0].Rule);
        Assert.Same(ManualRule.Instance, field.Children[1].Rule);
        Assert.Empty(FrameworkValidator.Validate(draft));
    }

    [Theory]
    [InlineData("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023", 2023)]
    [InlineData("chỉ số năm  2019 của tỉnh", 2019)]
    [InlineData("NĂM 20233", null)]
    [InlineData("KẾ HOẠCH 2023", null)]
    [InlineData("CÁC NĂM 2023", 2023)]
    [InlineData("TRONGNĂM 2023", null)]
    public void Year_of_the_title(string title, int? year)
    {
        var table = new OfficialTable { TitleLines = [title], Rows = [] };
        Assert.Equal(year, FrameworkDraft.YearOf(table));
    }

    [Fact]
    public void Without_a_year_anywhere_the_draft_is_refused()
    {
        var table = new OfficialTable { TitleLines = ["BIỂU"], Rows = [] };
        Assert.Throws<ArgumentException>(() => FrameworkDraft.FromTable(table, "province"));
        Assert.Equal(2030, FrameworkDraft.FromTable(table, "province", 2030).Year);
        Assert.Throws<ArgumentException>(() => FrameworkDraft.FromTable(table, " ", 2030));
        Assert.Throws<ArgumentNullException>(() => FrameworkDraft.FromTable(null!, "province", 2030));
        Assert.Throws<ArgumentNullException>(() => FrameworkDraft.YearOf(null!));
    }

    [Fact]
    public void Blank_name_and_id_fall_back_to_the_defaults()
    {
        var table = new OfficialTable { TitleLines = ["NĂM 2026"], Rows = [] };
        var draft = FrameworkDraft.FromTable(table, " ministry ", title: " ", id: "");
        Assert.Equal(("ministry-2026-draft", "Bộ tiêu chí ministry 2026 (bản nháp từ biểu)", "ministry"), (draft.Id, draft.Title, draft.UnitKind));
    }
}
