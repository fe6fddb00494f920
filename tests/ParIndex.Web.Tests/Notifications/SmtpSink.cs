using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ParIndex.Web.Tests.Notifications;

/// <summary>One message as the SMTP server received it: the envelope recipient and the parsed message.</summary>
public sealed record ReceivedMail(string To, MimeMessage Message)
{
    public string Subject => Message.Subject ?? "";

    public string Text => Message.TextBody ?? "";

    public string Html => Message.HtmlBody ?? "";
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free local port, in this process, keeping every
/// message it accepts. It can be stopped and started again on the same port to play "server down".
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private CancellationTokenSource? stop;
    private Task? running;

    private SmtpSink(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. received];

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink(FreePort());
        await sink.StartAgainAsync();
        return sink;
    }

    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        stop = new CancellationTokenSource();
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        await WaitUntilAsync(listening: true);
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (stop is null)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await running!;
        }
        catch (OperationCanceledException)
        {
            // The way the server stops.
        }

        stop.Dispose();
        stop = null;
        await WaitUntilAsync(listening: false);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilAsync(bool listening)
    {
        for (var i = 0; i < 100; i++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                if (listening)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                if (!listening)
                {
                    return;
                }
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The test SMTP server did not {(listening ? "start" : "stop")} on port {Port}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : IMessageStore
    {
        public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            foreach (var to in transaction.To)
            {
                received.Enqueue(new ReceivedMail($"{to.User}@{to.Host}", message));
            }

            return SmtpResponse.Ok;
        }
    }
}
