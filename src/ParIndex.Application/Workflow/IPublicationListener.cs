namespace ParIndex.Application.Workflow;

/// <summary>
/// Told after a campaign's publication is saved. The workflow sits below the results in the feature
/// order (ADR 0113), so it names what it needs here and the results' snapshot store implements it
/// (ADR 0133: the published results are stored once, at publication).
/// </summary>
public interface IPublicationListener
{
    Task PublishedAsync(int campaignId, string userName, CancellationToken cancellationToken);
}
