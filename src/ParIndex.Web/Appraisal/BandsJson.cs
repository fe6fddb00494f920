using System.Text.Json;
using ParIndex.Core.Ranking;

namespace ParIndex.Web.Appraisal;

/// <summary>Reads and writes a campaign's band scheme.</summary>
public static class BandsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static BandScheme Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? BandScheme.Default : JsonSerializer.Deserialize<BandScheme>(json, Options) ?? BandScheme.Default;
}
