# Guildhall: build with Maven, run on a slim Java 17 runtime as a non-root user.
#   docker build -t guildhall .
#   docker run --env-file .env -p 3000:3000 -v guildhall-data:/data guildhall
# A test (DockerfileTest) checks this file against the build: the jar path, the port and the variables.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first: they change less often than the code, so this layer is usually cached.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY manifests ./manifests
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 guildhall \
    && useradd --system --uid 10001 --gid guildhall --home-dir /app --shell /usr/sbin/nologin guildhall \
    && mkdir -p /data \
    && chown guildhall:guildhall /data
WORKDIR /app
COPY --from=build /src/target/guildhall.jar /app/guildhall.jar
ENV GUILDHALL_DB=/data/guildhall.db \
    PORT=3000 \
    LOG_FORMAT=json
# SQLite lives here: mount a volume, or the data goes with the container.
VOLUME /data
USER 10001:10001
EXPOSE 3000
# /healthz through the bot's own client: the runtime image needs no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-jar", "/app/guildhall.jar", "health"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/guildhall.jar"]
CMD ["serve"]
