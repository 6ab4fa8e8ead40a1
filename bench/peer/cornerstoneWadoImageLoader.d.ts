// cornerstone-wado-image-loader 4.13 ships no types: only the part the bench peer page calls.
declare module 'cornerstone-wado-image-loader' {
  interface WadoImageLoader {
    external: { cornerstone: unknown; dicomParser: unknown };
    webWorkerManager: {
      initialize(config: {
        maxWebWorkers: number;
        startWebWorkersOnDemand: boolean;
        taskConfiguration?: { decodeTask?: { initializeCodecsOnStartup?: boolean; strict?: boolean } };
      }): void;
    };
    wadouri: {
      fileManager: { add(file: File): string; purge(): void };
      parseImageId(imageId: string): { scheme: string; url: string; frame?: number };
      loadFileRequest: unknown;
      dataSetCacheManager: {
        load(url: string, loadRequest: unknown, imageId: string): Promise<unknown>;
        purge(): void;
      };
    };
  }
  const cornerstoneWADOImageLoader: WadoImageLoader;
  export default cornerstoneWADOImageLoader;
}
