using ParIndex.Documents.Appraisal;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.Appraisal;

public class AppraisalTableTests
{
    [Fact]
    public void Final_points_are_appraised_scores_plus_survey_scores_summed_up_the_tree()
    {
        var document = AppraisalSamples.SeedAppraisal();
        var rows = document.Rows.ToDictionary(r => r.Code);

        // 1.5 was lowered from 2 to 1,5: field 1 earns 9 of 9,5.
        Assert.Equal(1.5m, rows["1.5"].AppraisedScore);
        Assert.Equal(9m, rows["1"].FinalScore);
        Assert.Contains("Lý do thẩm định: Sáng kiến 7 và 8 chưa có tài liệu kiểm chứng.", rows["1.5"].Explanation);
        // 2.4 is all survey: 80% of 4.
        Assert.Null(rows["2.4"].AppraisedScore);
        Assert.Equal(3.2m, rows["2.4"].SurveyScore);
        Assert.Equal(3.2m, rows["2.4"].FinalScore);
        Assert.Equal(80m, rows["2.4"].IndexPercent);
        // Field 2: 6 self-assessed points accepted + 3,2 from the survey.
        Assert.Equal(9.2m, rows["2"].FinalScore);
        Assert.Equal(92m, rows["2"].IndexPercent);
        // Total: the seed's 65,249 − 0,5 (1.5) − 0,0926 (3.4.3) + 80% of the 32 survey points.
        Assert.Equal(65.249m - 0.5m - 0.0926m + 25.6m, document.Total.FinalScore);
        Assert.Equal(document.Total.FinalScore, document.Total.IndexPercent);
        Assert.Equal(100m, document.Total.Max);
    }

    [Fact]
    public void A_score_above_the_maximum_is_refused()
    {
        var appraisals = new Dictionary<string, LeafAppraisal> { ["1.1"] = new(2m) };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AppraisalTableFactory.Create(Seed.Table(), appraisals));

        Assert.Contains("1.1", ex.Message);
    }

    [Fact]
    public void Appraisal_pdf_has_the_extra_columns_and_stays_on_the_page()
    {
        using var stream = new MemoryStream();
        PdfTableWriter.Write(AppraisalSamples.SeedAppraisal(), stream);
        var pdf = stream.ToArray();
        var path = Artifacts.PathOf("bac-giang-2023-appraisal.pdf");
        File.WriteAllBytes(path, pdf);
        Artifacts.Run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", path, Artifacts.PathOf("bac-giang-2023-appraisal-pdf"));

        var text = PdfText.Joined(pdf);
        foreach (var header in new[] { "Điểm thẩm định", "Điểm điều tra XHH", "Điểm đạt được", "Chỉ số (%)", "BIỂU TỔNG HỢP KẾT QUẢ THẨM ĐỊNH" })
        {
            Assert.Contains(header, text);
        }

        Assert.Contains("90,2564", text); // the final total: 65,249 − 0,5 − 0,0926 + 25,6
        Assert.All(PdfText.Words(pdf), w => Assert.True(w.Left >= 0 && w.Right <= w.PageWidth && w.Bottom >= 0 && w.Top <= w.PageHeight, w.Text));
    }

    [Fact]
    public void Appraisal_docx_and_xlsx_are_written()
    {
        var document = AppraisalSamples.SeedAppraisal();
        foreach (var format in Enum.GetValues<TableFileFormat>())
        {
            using var stream = new MemoryStream();
            OfficialTableWriter.Write(document, format, stream);
            Assert.True(stream.Length > 1000);
            File.WriteAllBytes(Artifacts.PathOf("bac-giang-2023-appraisal" + OfficialTableWriter.Extension(format)), stream.ToArray());
        }
    }
}
