namespace ParIndex.Application.Demo;

/// <summary>Configuration section <c>Demo</c>: demo data and accounts, for trying the app out.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; }

    /// <summary>The password of every demo account (printed at startup).</summary>
    public string Password { get; set; } = "ParIndex@2023";

    /// <summary>The seed table imported as Bắc Giang's 2023 self-assessment; relative paths start at the app's folder.</summary>
    public string SeedTable { get; set; } = "samples/bac-giang-2023-self-assessment.txt";
}
