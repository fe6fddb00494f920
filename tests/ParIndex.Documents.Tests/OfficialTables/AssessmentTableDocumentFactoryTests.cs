using ParIndex.Documents.Appraisal;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Appraisal;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.OfficialTables;

public class AssessmentTableDocumentFactoryTests
{
    [Fact]
    public void The_seed_title_block_splits_into_title_and_report_lines_with_unit_and_year()
    {
        var document = AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table());

        Assert.Equal(["BIỂU TỰ ĐÁNH GIÁ", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC GIANG NĂM 2023"], document.TitleLines);
        Assert.Equal(["(Kèm theo Báo cáo số /BC-UBND ngày /01/2024", "của Chủ tịch UBND tỉnh)"], document.ReportLines);
        Assert.Equal("tỉnh Bắc Giang", document.UnitName);
        Assert.Equal(2023, document.Year);
    }

    [Fact]
    public void Rows_keep_the_stated_figures_and_fields_and_subtotals_are_bold()
    {
        var rows = AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table()).Rows.ToDictionary(r => r.Code);

        Assert.Equal(133, rows.Count);
        Assert.True(rows["3"].IsBold);
        Assert.True(rows["3.4"].IsBold);
        Assert.False(rows["3.4.3"].IsBold);
        Assert.Equal(0.9926m, rows["3.4.3"].SelfScore);
        Assert.Equal(3, rows["3.4.3"].Level);
        Assert.True(rows["2.4.1"].IsSurvey);
    }

    [Fact]
    public void Standard_title_puts_the_unit_in_capitals()
    {
        Assert.Equal(
            ["BIỂU TỰ ĐÁNH GIÁ", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH THÀNH PHỐ HẢI PHÒNG NĂM 2024"],
            AssessmentTableDocumentFactory.StandardTitleLines("BIỂU TỰ ĐÁNH GIÁ", "thành phố Hải Phòng", 2024));
    }

    [Fact]
    public void An_appraisal_workbook_reads_back_as_the_self_assessment_it_carries()
    {
        using var stream = new MemoryStream();
        XlsxTableWriter.Write(AppraisalSamples.SeedAppraisal(), stream);
        stream.Position = 0;

        var back = XlsxTableReader.Read(stream);

        var seed = Seed.Table();
        Assert.Equal(seed.AllRows().Select(r => (r.Code, r.Max, r.Score)), back.AllRows().Select(r => (r.Code, r.Max, r.Score)));
        Assert.Equal(AppraisalTableFactory.AppraisalHeading, back.TitleLines[0]);
    }
}
