using System.Globalization;
using ParIndex.Application.Campaigns;
using ParIndex.Application.Workflow;
using ParIndex.Core.Workflow;

namespace ParIndex.Cli.Campaigns;

/// <summary>The text output of <c>campaign list</c>: one line per campaign, states with their Vietnamese names.</summary>
internal static class CampaignListText
{
    public static void Write(IReadOnlyList<CampaignSummaryView> campaigns, TextWriter output)
    {
        if (campaigns.Count == 0)
        {
            output.WriteLine("Chưa có kỳ đánh giá nào.");
            return;
        }

        output.WriteLine("Mã số | Năm | Tên | Bộ tiêu chí | Số đơn vị | Trạng thái | Công bố | Dữ liệu mẫu");
        foreach (var c in campaigns)
        {
            var states = string.Join(", ", c.States.Select(s => $"{Label(s.Key)}: {s.Value.ToString(CultureInfo.InvariantCulture)}"));
            var published = c.PublishedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "chưa công bố";
            output.WriteLine(string.Join(" | ",
                c.Id.ToString(CultureInfo.InvariantCulture), c.Year.ToString(CultureInfo.InvariantCulture), c.Name,
                $"{c.FrameworkId}/{c.FrameworkVersion} (#{c.FrameworkRecordId.ToString(CultureInfo.InvariantCulture)})",
                c.Units.ToString(CultureInfo.InvariantCulture), states.Length == 0 ? "-" : states, published, c.IsSample ? "mẫu" : "không"));
        }
    }

    private static string Label(string state) =>
        Enum.TryParse<AssessmentStatus>(state, out var status) ? StatusLabels.Vietnamese(status) : state;
}
